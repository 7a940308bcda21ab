import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/keys.ts';
import { accountsCsvUrl, fetchAccounts } from '../../../api/organisations.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { RegistrationForm } from '../../../components/registration/RegistrationForm.tsx';
import { Section } from '../../../components/Section.tsx';
import { fullName } from '../../../lib/session.ts';
import { AccountsTable } from './AccountsTable.tsx';

export function AccountsSection({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [registering, { open, close }] = useDisclosure(false);
  const accounts = useQuery({
    queryKey: queryKeys.accounts(organisationId),
    queryFn: () => fetchAccounts(organisationId),
  });

  return (
    <Section title={t('establishment.accountsTitle')}>
      <Group gap="sm">
        <Button onClick={open}>{t('establishment.registerStaff')}</Button>
        {/* A plain link: the browser downloads the CSV with the session cookie, no JS needed. */}
        <Button component="a" href={accountsCsvUrl(organisationId)} download variant="default">
          {t('establishment.exportCsv')}
        </Button>
      </Group>
      <ErrorAlert error={accounts.error} />
      {accounts.isPending ? <Loading /> : null}
      {accounts.data?.length === 0 ? <Text c="dimmed">{t('establishment.noAccounts')}</Text> : null}
      {accounts.data && accounts.data.length > 0 ? <AccountsTable accounts={accounts.data} /> : null}
      <Modal
        opened={registering}
        onClose={close}
        title={t('staff.title')}
        size="xl"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Text size="sm" c="dimmed" mb="md">
          {t('staff.intro')}
        </Text>
        <RegistrationForm
          mode="staff"
          organisationId={organisationId}
          onRegistered={(registration) => {
            close();
            notifications.show({
              color: 'green',
              message: t('staff.done', { name: fullName(registration) }),
            });
            void queryClient.invalidateQueries({ queryKey: queryKeys.accounts(organisationId) });
          }}
        />
      </Modal>
    </Section>
  );
}
