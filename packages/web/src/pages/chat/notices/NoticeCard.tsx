import type { Me } from '@liaison/core/api/index';
import type { MailItem } from '@liaison/core/api/mail';
import { frenchDate, frenchDateTime, type PatientNotice } from '@liaison/core/notice/index';
import { Badge, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSummary } from '../../mail/useMailCrypto.ts';
import { NOTICE_KIND_COLOURS } from './kinds.ts';

/** One notice, drawn from its decrypted summary (the letter itself is in the mailbox). */
export function NoticeCard({ me, item }: { me: Me; item: MailItem }) {
  const { t } = useTranslation();
  const summary = useSummary(me, item);
  if (summary.isPending) return <Skeleton height={96} radius="md" />;
  if (summary.isError) {
    return (
      <Paper withBorder p="sm" radius="md">
        <Text size="sm" c="dimmed">
          {t('notices.thread.unreadable')}
        </Text>
      </Paper>
    );
  }
  const notice = summary.data.notice;
  if (!notice) {
    return (
      <Paper withBorder p="sm" radius="md">
        <Text size="sm" c="dimmed">
          {t('notices.thread.notANotice')}
        </Text>
      </Paper>
    );
  }
  return <Card notice={notice} unread={!item.read} />;
}

function Card({ notice, unread }: { notice: PatientNotice; unread: boolean }) {
  const { t } = useTranslation();
  const { patient } = notice;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="notice-card" data-kind={notice.kind}>
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Badge color={NOTICE_KIND_COLOURS[notice.kind]} variant="light">
              {t(`notices.kinds.${notice.kind}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('notices.card.at', { date: frenchDateTime(notice.at) })}
            </Text>
          </Group>
          {unread ? (
            <Badge size="xs" variant="filled">
              {t('notices.card.unread')}
            </Badge>
          ) : null}
        </Group>
        <Text fw={600}>
          {patient.lastName.toLocaleUpperCase('fr-FR')} {patient.firstName}{' '}
          <Text span size="sm" c="dimmed" fw={400}>
            {t('notices.card.born', { date: frenchDate(patient.birthDate) })}
            {patient.ipp !== undefined ? ` · ${t('notices.card.ipp', { ipp: patient.ipp })}` : ''}
          </Text>
        </Text>
        <Text size="sm">
          {t('notices.card.service', { service: notice.service })}
          {notice.destination !== undefined
            ? ` · ${t('notices.card.destination', { destination: notice.destination })}`
            : ''}
        </Text>
        {notice.note !== undefined && notice.note !== '' ? (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            <Text span fw={600} size="sm">
              {t('notices.card.note')}
            </Text>{' '}
            {notice.note}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
