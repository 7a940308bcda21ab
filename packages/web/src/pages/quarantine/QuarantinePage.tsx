import { HOLD_STATES, type HoldState } from '@liaison/core/api/mailHold';
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { RequireSession } from '../../components/RequireSession.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { CountsOverview } from './CountsOverview.tsx';
import { HeldList } from './HeldList.tsx';
import { formatNumber } from './heldTexts.ts';
import { SenderLimitModal, type LimitTarget } from './limits/SenderLimitModal.tsx';
import { SenderLimitsSection } from './limits/SenderLimitsSection.tsx';
import { useSenderLimits } from './limits/useSenderLimits.ts';
import { useQuarantineList } from './useQuarantine.ts';

const TABS = [...HOLD_STATES, 'limits'] as const;
type Tab = (typeof TABS)[number];

function isTab(value: string | null): value is Tab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

/** Technicians: messages held by a usage rule (charter article 5), to release or reject, and sender limits. */
export function QuarantinePage() {
  return (
    <RequireSession roles={['technician', 'platform_admin']}>{() => <QuarantineReview />}</RequireSession>
  );
}

function QuarantineReview() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('quarantine.title'));
  // The tab is in the address (?tab=released), so a reload or a shared link opens the same list.
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'held';
  // The held list is always fetched: its answer carries the all-time counts of the three states.
  const held = useQuarantineList('held');
  const counts = held.data?.pages[0]?.counts ?? null;
  const limits = useSenderLimits();
  const [limitTarget, setLimitTarget] = useState<LimitTarget | null>(null);

  const openLimit = (address: string) => {
    const limit = limits.data?.find((entry) => entry.address === address.toLowerCase()) ?? null;
    setLimitTarget({ address, limit });
  };
  const stateLabel = (state: HoldState) =>
    t(`quarantine.tabs.${state}`, { n: counts ? formatNumber(counts[state], i18n.language) : '…' });

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1}>{t('quarantine.title')}</Title>
        <Text c="dimmed">{t('quarantine.intro')}</Text>
      </Stack>
      {counts ? <CountsOverview counts={counts} /> : null}
      <Tabs
        value={tab}
        onChange={(value) => {
          if (isTab(value)) setParams(value === 'held' ? {} : { tab: value }, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('quarantine.tabsLabel')}>
          {HOLD_STATES.map((state) => (
            <Tabs.Tab key={state} value={state} data-testid={`quarantine-tab-${state}`}>
              {stateLabel(state)}
            </Tabs.Tab>
          ))}
          <Tabs.Tab value="limits" data-testid="quarantine-tab-limits">
            {t('quarantine.tabs.limits')}
          </Tabs.Tab>
        </Tabs.List>
        {HOLD_STATES.map((state) => (
          <Tabs.Panel key={state} value={state} pt="md">
            <HeldList state={state} onSetLimit={openLimit} />
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="limits" pt="md">
          <SenderLimitsSection
            onAdd={() => setLimitTarget({ address: '', limit: null })}
            onEdit={(limit) => setLimitTarget({ address: limit.address, limit })}
          />
        </Tabs.Panel>
      </Tabs>
      <SenderLimitModal target={limitTarget} onClose={() => setLimitTarget(null)} />
    </Stack>
  );
}
