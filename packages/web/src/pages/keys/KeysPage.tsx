import type { Me } from '@liaison/core/api/index';
import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchDevices } from '../../api/devices.ts';
import { queryKeys } from '../../api/keys.ts';
import { fetchUserCertificates } from '../../api/pki.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { Section } from '../../components/Section.tsx';
import { storedSerials } from '../../keystore/keystore.ts';
import { canHoldKeys } from '../../lib/secureContext.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ApproveDeviceForm } from './ApproveDeviceForm.tsx';
import { CertificatesTable } from './CertificatesTable.tsx';
import { DevicesTable } from './DevicesTable.tsx';
import { InsecureContextAlert } from './InsecureContextAlert.tsx';
import { currentDevice } from './keyState.ts';
import { MyKeys } from './MyKeys.tsx';
import { ThisBrowser } from './ThisBrowser.tsx';

/** While this browser waits for approval, ask again this often so the page moves on by itself. */
const PENDING_POLL_MS = 3_000;

export function KeysPage() {
  return <RequireSession>{(me) => <KeysAndDevices me={me} />}</RequireSession>;
}

function KeysAndDevices({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t('keys.title'));
  const secure = canHoldKeys();

  const devices = useQuery({
    queryKey: queryKeys.devices,
    queryFn: fetchDevices,
    refetchInterval: (query) =>
      currentDevice(query.state.data ?? [])?.status === 'pending' ? PENDING_POLL_MS : false,
    // Back from the new device (another window, a phone): show what waits for approval without a reload.
    refetchOnWindowFocus: true,
  });
  const certificates = useQuery({
    queryKey: queryKeys.certificates(me.id),
    queryFn: () => fetchUserCertificates(me.id),
  });
  const localSerials = useQuery({
    queryKey: queryKeys.localKeys(me.id),
    queryFn: () => storedSerials(me.id),
    enabled: secure,
    retry: false,
  });

  const device = devices.data ? currentDevice(devices.data) : null;
  const approved = device?.status === 'active';

  return (
    <Stack gap="lg" maw={980}>
      <Stack gap={4}>
        <Title order={1}>{t('keys.title')}</Title>
        <Text c="dimmed">{t('keys.intro')}</Text>
      </Stack>
      {secure ? null : <InsecureContextAlert />}
      <ErrorAlert error={devices.error ?? certificates.error ?? localSerials.error} />

      {secure ? (
        <Section title={t('keys.device.title')}>
          {devices.data ? <ThisBrowser device={device} /> : <Loading />}
        </Section>
      ) : null}

      {secure && approved ? (
        <Section title={t('keys.mine.title')}>
          <MyKeys me={me} certificates={certificates.data} localSerials={localSerials.data} />
        </Section>
      ) : null}

      <Section title={t('keys.devices.title')}>
        {approved ? (
          <ApproveDeviceForm
            waiting={(devices.data ?? []).filter((entry) => entry.status === 'pending' && !entry.current)}
          />
        ) : null}
        {devices.isPending ? <Loading /> : null}
        {devices.data ? <DevicesTable me={me} devices={devices.data} /> : null}
      </Section>

      <Section title={t('keys.certificates.title')}>
        {certificates.isPending ? <Loading /> : null}
        {certificates.data ? (
          <CertificatesTable certificates={certificates.data} localSerials={localSerials.data} />
        ) : null}
      </Section>
    </Stack>
  );
}
