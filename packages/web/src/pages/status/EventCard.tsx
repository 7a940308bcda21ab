import type { StatusEvent } from '@liaison/core/api/status';
import { Badge, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { InfoRow } from '../../components/InfoRow.tsx';
import { EVENT_STATE_COLOURS, formatParisDateTime, SEVERITY_COLOURS } from './statusTexts.ts';

/** One incident or maintenance as the public reads it: what, how serious, where, when, and what since. */
export function EventCard({ event }: { event: StatusEvent }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const date = (iso: string) => formatParisDateTime(iso, i18n.language);
  return (
    <Paper
      component="article"
      aria-labelledby={titleId}
      withBorder
      p="md"
      radius="md"
      data-testid="status-event"
      data-kind={event.kind}
      data-state={event.state}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h5" id={titleId}>
            {event.title}
          </Title>
          <Group gap={6}>
            <Badge variant="outline" color="gray">
              {t(`status.kinds.${event.kind}`)}
            </Badge>
            <Badge variant="light" color={SEVERITY_COLOURS[event.severity]}>
              {t('status.severityBadge', { severity: t(`status.severities.${event.severity}`) })}
            </Badge>
            <Badge variant="dot" color={EVENT_STATE_COLOURS[event.state]}>
              {t(`status.eventStates.${event.state}`)}
            </Badge>
          </Group>
        </Group>
        <dl className="info-list">
          <InfoRow label={t('status.event.components')}>
            {event.components.map((component) => t(`status.components.${component}`)).join(', ')}
          </InfoRow>
          <InfoRow label={t('status.event.start')}>
            <time dateTime={event.startsAt}>{date(event.startsAt)}</time>
          </InfoRow>
          <InfoRow label={t('status.event.end')}>
            {event.endsAt ? (
              <time dateTime={event.endsAt}>{date(event.endsAt)}</time>
            ) : (
              t('status.event.endUnknown')
            )}
          </InfoRow>
        </dl>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {event.description}
        </Text>
        {event.updates.length > 0 ? (
          <Stack gap="xs">
            <Title order={4} size="h6">
              {t('status.event.updates')}
            </Title>
            <Timeline bulletSize={12} lineWidth={2} active={event.updates.length - 1}>
              {event.updates.map((update) => (
                <Timeline.Item key={update.id} title={<time dateTime={update.at}>{date(update.at)}</time>}>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {update.body}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
