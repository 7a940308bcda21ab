import type { AccountRow } from '@liaison/core/api/index';
import { Badge, Button, CopyButton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { fullName } from '../../../lib/session.ts';
import { roleLabel, statusLabel } from './labels.ts';

export function AccountsTable({ accounts }: { accounts: AccountRow[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped verticalSpacing="sm" withTableBorder>
        <Table.Caption>{t('establishment.accountsCaption', { count: accounts.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('establishment.colName')}</Table.Th>
            <Table.Th scope="col">{t('establishment.colRole')}</Table.Th>
            <Table.Th scope="col">{t('establishment.colStatus')}</Table.Th>
            <Table.Th scope="col">{t('establishment.colMailboxes')}</Table.Th>
            <Table.Th scope="col">{t('establishment.colCreated')}</Table.Th>
            <Table.Th scope="col">{t('establishment.colActivation')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((account) => (
            <Table.Tr key={account.userId} data-testid="account-row">
              <Table.Th scope="row" fw={500}>
                <Stack gap={0}>
                  <Text fw={600}>{fullName(account)}</Text>
                  <Text size="xs" c="dimmed">
                    {account.email}
                  </Text>
                  {account.nationalId ? (
                    <Text size="xs" ff="monospace">
                      {account.nationalId}
                    </Text>
                  ) : null}
                </Stack>
              </Table.Th>
              <Table.Td>{roleLabel(t, account.role)}</Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  tt="none"
                  // Never squeezed to an ellipsis by the table's column sizing: the status must stay readable.
                  style={{ minWidth: 'max-content' }}
                  color={account.activationUrl ? 'orange' : account.status === 'active' ? 'green' : 'gray'}
                >
                  {account.activationUrl
                    ? t('accountStatus.awaitingActivation')
                    : statusLabel(t, account.status)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {account.mailboxes.length === 0 ? <Text c="dimmed">—</Text> : null}
                <Stack gap={2}>
                  {account.mailboxes.map((mailbox) => (
                    <Text key={mailbox.address} size="sm">
                      {mailbox.address}{' '}
                      <Badge size="xs" variant="outline">
                        {mailbox.kind}
                      </Badge>
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(account.createdAt, i18n.language, 'medium')}
              </Table.Td>
              <Table.Td>
                {account.activationUrl ? (
                  <CopyButton value={account.activationUrl}>
                    {({ copied, copy }) => (
                      <Tooltip label={account.activationUrl} withArrow>
                        <Button
                          size="xs"
                          variant={copied ? 'filled' : 'light'}
                          color={copied ? 'green' : undefined}
                          onClick={copy}
                          aria-label={
                            copied
                              ? undefined
                              : t('establishment.copyActivation', { name: fullName(account) })
                          }
                          style={{ whiteSpace: 'nowrap' }}
                        >
                          {copied
                            ? t('establishment.activationCopied')
                            : t('establishment.copyActivationShort')}
                        </Button>
                      </Tooltip>
                    )}
                  </CopyButton>
                ) : (
                  <Text c="dimmed">—</Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
