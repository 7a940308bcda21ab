import type { Me } from '@liaison/core/api/index';
import type { TeleexpertiseRequestSummary } from '@liaison/core/api/teleexpertise';
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../lib/format.ts';
import { teleexpertisePaths } from '../../paths.ts';
import { TaskStatusBadge } from '../../shared/TaskStatusBadge.tsx';
import { useRequestPatient } from '../crypto/useOpenedRequest.ts';
import { patientName } from '../request/patientName.ts';
import { useDurationText } from './useDurationText.ts';
import { requestTiming } from './queueTiming.ts';

interface Props {
  me: Me;
  request: TeleexpertiseRequestSummary;
  serviceMailboxId: string | null;
  formTitle: string;
  /** The service list shows who has it; my own list does not need to. */
  showAssignee: boolean;
  now: number;
}

/** One request at a glance: patient (decrypted here), status, requester, form, waiting time, deadline. */
export function RequestRow({ me, request, serviceMailboxId, formTitle, showAssignee, now }: Props) {
  const { t, i18n } = useTranslation();
  const patient = useRequestPatient(me, request.id, serviceMailboxId);
  const duration = useDurationText();
  const timing = requestTiming(request, now);
  const name = patient.patient
    ? patientName(patient.patient)
    : patient.error
      ? t('teleexpertiseExpert.queue.patientUnreadable')
      : t('teleexpertiseExpert.queue.patientDecrypting');
  const late = timing.tone === 'late' || timing.tone === 'overdue';

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="li"
      data-testid="te-queue-row"
      data-status={request.status}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor
            component={Link}
            to={teleexpertisePaths.queueItem(request.id)}
            fw={600}
            aria-label={t('teleexpertiseExpert.queue.open', {
              patient: name,
              requester: request.requesterName,
            })}
          >
            {name}
          </Anchor>
          <TaskStatusBadge status={request.status} />
        </Group>
        <Text size="sm">
          {t('teleexpertiseExpert.queue.from', { requester: request.requesterName })} · {formTitle}
        </Text>
        <Group gap="md" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('teleexpertiseExpert.queue.waiting', { duration: duration(timing.waitingMinutes) })}
          </Text>
          {timing.tone !== 'done' ? (
            <Text
              size="sm"
              c={late ? 'red.8' : undefined}
              fw={late ? 700 : undefined}
              data-late={late || undefined}
            >
              {t(
                timing.tone === 'overdue'
                  ? 'teleexpertiseExpert.queue.overdue'
                  : late
                    ? 'teleexpertiseExpert.queue.dueSoon'
                    : 'teleexpertiseExpert.queue.due',
                { date: formatDateTime(request.dueAt, i18n.language) },
              )}
              {request.pausedSince ? ` ${t('teleexpertiseExpert.queue.paused')}` : ''}
            </Text>
          ) : null}
          {showAssignee ? (
            <Text size="sm" c="dimmed">
              {request.assigneeName
                ? t('teleexpertiseExpert.queue.assignee', { name: request.assigneeName })
                : t('teleexpertiseExpert.queue.unassigned')}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
