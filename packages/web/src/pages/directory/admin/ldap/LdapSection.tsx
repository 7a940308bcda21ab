import type { LdapCredentials } from '@liaison/core/api/directory';
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { directoryKeys, fetchLdapCredentials, issueLdapCredentials } from '../../../../api/directory.ts';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { InfoList, InfoRow } from '../../../../components/InfoRow.tsx';
import { Loading } from '../../../../components/Loading.tsx';
import { formatDateTime } from '../../../../lib/format.ts';

function Copyable({ value, what }: { value: string; what: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>{value}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button
            size="compact-xs"
            variant={copied ? 'filled' : 'light'}
            color={copied ? 'green' : undefined}
            onClick={copy}
            aria-label={t('directory.ldap.copyLabel', { what })}
          >
            {copied ? t('common.copied') : t('directory.ldap.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/**
 * The establishment's LDAP push account: where its internal directory sends entries. A new password
 * replaces the old one at once and is shown only in the answer that issued it.
 */
export function LdapSection({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, { open, close }] = useDisclosure(false);
  const credentials = useQuery({
    queryKey: directoryKeys.ldap(organisationId),
    queryFn: () => fetchLdapCredentials(organisationId),
  });
  const issue = useMutation({
    mutationFn: () => issueLdapCredentials(organisationId),
    onSuccess: (issued: LdapCredentials) => {
      close();
      // Kept without the password: only this mutation's answer holds it, shown below until leaving.
      queryClient.setQueryData(directoryKeys.ldap(organisationId), { ...issued, password: undefined });
    },
  });
  const current = credentials.data;
  const password = issue.data?.password;

  return (
    <Stack gap="md">
      <Text size="sm">{t('directory.ldap.intro')}</Text>
      <ErrorAlert error={credentials.error ?? issue.error} />
      {credentials.isPending ? <Loading /> : null}
      {current === null ? <Text c="dimmed">{t('directory.ldap.none')}</Text> : null}
      {current ? (
        <InfoList>
          <InfoRow label={t('directory.ldap.bindDn')}>
            <Copyable value={current.bindDn} what={t('directory.ldap.bindDn')} />
          </InfoRow>
          {current.url ? (
            <InfoRow label={t('directory.ldap.url')}>
              <Copyable value={current.url} what={t('directory.ldap.url')} />
            </InfoRow>
          ) : null}
          <InfoRow label={t('directory.ldap.createdAt')}>
            {formatDateTime(current.createdAt, i18n.language)}
          </InfoRow>
        </InfoList>
      ) : null}
      {password ? (
        <Alert
          color="orange"
          variant="light"
          title={t('directory.ldap.password')}
          data-testid="ldap-password"
        >
          <Stack gap="xs">
            <Text size="sm">{t('directory.ldap.passwordOnce')}</Text>
            <Copyable value={password} what={t('directory.ldap.password')} />
          </Stack>
        </Alert>
      ) : null}
      {credentials.isSuccess ? (
        <Group>
          <Button
            variant={current ? 'default' : 'filled'}
            loading={issue.isPending}
            onClick={() => (current ? open() : issue.mutate())}
          >
            {current ? t('directory.ldap.reissue') : t('directory.ldap.issue')}
          </Button>
        </Group>
      ) : null}
      <Modal
        opened={confirming}
        onClose={close}
        title={t('directory.ldap.reissueTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text size="sm">{t('directory.ldap.reissueText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" loading={issue.isPending} onClick={() => issue.mutate()}>
              {t('directory.ldap.reissueConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
