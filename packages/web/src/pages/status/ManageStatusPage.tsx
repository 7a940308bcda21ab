import type { StatusEvent } from '@liaison/core/api/status';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { Section } from '../../components/Section.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { AlertsPanel } from './AlertsPanel.tsx';
import { EventForm } from './EventForm.tsx';
import { EventsTable } from './EventsTable.tsx';
import { UpdateModal } from './UpdateModal.tsx';
import { useStatusEvents } from './useStatusAdmin.ts';
import { STATUS_PATH } from './paths.ts';

/** Technicians and platform admins post incidents and maintenance, follow them up, and watch the alerts go. */
export function ManageStatusPage() {
  return <RequireSession roles={['technician', 'platform_admin']}>{() => <ManageStatus />}</RequireSession>;
}

function ManageStatus() {
  const { t } = useTranslation();
  usePageTitle(t('status.manage.title'));
  const events = useStatusEvents();
  const [updating, setUpdating] = useState<StatusEvent | null>(null);
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1}>{t('status.manage.title')}</Title>
        <Text c="dimmed">{t('status.manage.intro')}</Text>
        <Anchor component={Link} to={STATUS_PATH} size="sm">
          {t('status.manage.publicLink')}
        </Anchor>
      </Stack>
      <Section title={t('status.manage.form.heading')}>
        <EventForm />
      </Section>
      <Section title={t('status.manage.events.title')}>
        <ErrorAlert error={events.error} />
        {events.isPending ? <Loading /> : null}
        {events.data ? <EventsTable events={events.data} onAddUpdate={setUpdating} /> : null}
      </Section>
      <AlertsPanel />
      <UpdateModal event={updating} onClose={() => setUpdating(null)} />
    </Stack>
  );
}
