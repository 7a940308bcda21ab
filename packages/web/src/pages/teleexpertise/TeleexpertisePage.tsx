import type { Me } from '@liaison/core/api/index';
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { RequireSession } from '../../components/RequireSession.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ServiceAdmin } from './admin/ServiceAdmin.tsx';
import { AvailabilityEditor } from './expert/AvailabilityEditor.tsx';
import { BillingExport } from './expert/BillingExport.tsx';
import { ExpertQueue } from './expert/ExpertQueue.tsx';
import { ExpertRequestView } from './expert/ExpertRequestView.tsx';
import { TELEEXPERTISE_TABS, tabOf } from './paths.ts';
import { MyRequests } from './request/MyRequests.tsx';
import { NewRequestWizard } from './request/NewRequestWizard.tsx';
import { RequestView } from './request/RequestView.tsx';
import { TeleexpertiseMeProvider } from './shared/TeleexpertiseMe.tsx';
import { useTeleexpertiseLive } from './shared/useTeleexpertiseLive.ts';

/** Tele-expertise: the requester's requests, the expert's queue, availability and administration. */
export function TeleexpertisePage() {
  return <RequireSession>{(me) => <Teleexpertise me={me} />}</RequireSession>;
}

function Teleexpertise({ me }: { me: Me }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  usePageTitle(t('teleexpertise.title'));
  useTeleexpertiseLive();
  const active = tabOf(location.pathname);

  return (
    <TeleexpertiseMeProvider me={me}>
      <Stack gap="md">
        <Title order={1}>{t('teleexpertise.title')}</Title>
        {/* Every screen is shown to every signed-in person for now: the server refuses what is not theirs. */}
        <Tabs
          value={active}
          onChange={(value) => {
            const tab = TELEEXPERTISE_TABS.find((entry) => entry.value === value);
            if (tab) void navigate(tab.path);
          }}
          keepMounted={false}
        >
          <Tabs.List
            aria-label={t('teleexpertise.tabsLabel')}
            style={{ flexWrap: 'nowrap', overflowX: 'auto' }}
          >
            {TELEEXPERTISE_TABS.map((tab) => (
              <Tabs.Tab key={tab.value} value={tab.value} style={{ whiteSpace: 'nowrap' }}>
                {t(`teleexpertise.tabs.${tab.value}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Routes>
          <Route index element={<MyRequests />} />
          <Route path="new" element={<NewRequestWizard />} />
          <Route path="requests/:id" element={<RequestView />} />
          <Route path="queue" element={<ExpertQueue />} />
          <Route path="queue/:id" element={<ExpertRequestView />} />
          <Route path="availability" element={<AvailabilityEditor />} />
          <Route path="services" element={<ServiceAdmin />} />
          <Route path="billing" element={<BillingExport />} />
          <Route path="*" element={<Text>{t('teleexpertise.notFound')}</Text>} />
        </Routes>
      </Stack>
    </TeleexpertiseMeProvider>
  );
}
