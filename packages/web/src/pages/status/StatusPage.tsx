import type { PublicStatus, StatusEvent } from '@liaison/core/api/status';
import { Alert, Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchPublicStatus, STATUS_FEED_URL, statusKeys } from '../../api/status.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ComponentsList } from './ComponentsList.tsx';
import { EventCard } from './EventCard.tsx';
import { formatParisDateTime } from './statusTexts.ts';

function EventsSection({
  title,
  empty,
  events,
  testId,
}: {
  title: string;
  empty: string;
  events: StatusEvent[];
  testId: string;
}) {
  const titleId = useId();
  return (
    <Stack component="section" aria-labelledby={titleId} gap="sm" data-testid={testId}>
      <Title order={2} size="h4" id={titleId}>
        {title}
      </Title>
      {events.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        events.map((event) => <EventCard key={event.id} event={event} />)
      )}
    </Stack>
  );
}

function StatusBody({ status }: { status: PublicStatus }) {
  const { t, i18n } = useTranslation();
  const supportId = useId();
  const allFine = status.components.every((entry) => entry.state === 'operational');
  return (
    <>
      <Alert
        color={allFine ? 'teal' : 'orange'}
        variant="light"
        title={allFine ? t('status.summary.ok') : t('status.summary.issues')}
        icon={<span aria-hidden="true">{allFine ? '✓' : '⚠'}</span>}
        data-testid="status-summary"
      >
        {t('status.updatedAt', { date: formatParisDateTime(status.generatedAt, i18n.language) })}{' '}
        {t('status.parisTime')}
      </Alert>
      <ComponentsList components={status.components} />
      <EventsSection
        title={t('status.current.title')}
        empty={t('status.current.empty')}
        events={status.current}
        testId="status-current"
      />
      <EventsSection
        title={t('status.upcoming.title')}
        empty={t('status.upcoming.empty')}
        events={status.upcoming}
        testId="status-upcoming"
      />
      <EventsSection
        title={t('status.past.title')}
        empty={t('status.past.empty')}
        events={status.past}
        testId="status-past"
      />
      <Paper component="section" aria-labelledby={supportId} withBorder p="md" radius="md">
        <Title order={2} size="h4" id={supportId}>
          {t('status.support.title')}
        </Title>
        <Text mt="xs" data-testid="status-support-hours">
          {t('status.support.hours', { hours: status.supportHours })}
        </Text>
      </Paper>
    </>
  );
}

/**
 * The public service status: no session needed (it is read precisely when signing in fails), asked
 * again every minute while open.
 */
export function StatusPage() {
  const { t } = useTranslation();
  usePageTitle(t('status.title'));
  const status = useQuery({
    queryKey: statusKeys.public,
    queryFn: fetchPublicStatus,
    refetchInterval: 60_000,
  });
  return (
    <Stack gap="lg" maw={900}>
      {/* React hoists this into <head>: feed readers and browsers find the feed from the page itself. */}
      <link
        rel="alternate"
        type="application/atom+xml"
        href={STATUS_FEED_URL}
        title={t('status.feedTitle')}
      />
      <Stack gap={4}>
        <Title order={1}>{t('status.title')}</Title>
        <Text c="dimmed">{t('status.intro')}</Text>
        <Group gap="xs">
          <Anchor href={STATUS_FEED_URL} type="application/atom+xml" data-testid="status-feed">
            {t('status.subscribe')}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('status.subscribeHelp')}
          </Text>
        </Group>
      </Stack>
      <ErrorAlert error={status.error} />
      {status.isPending ? <Loading /> : null}
      {status.data ? <StatusBody status={status.data} /> : null}
    </Stack>
  );
}
