import type { DirectoryEntry } from '@liaison/core/api/directory';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { specialtyName } from '../../../../lib/codes.ts';
import { EntryStateBadge } from '../../components/EntryStateBadge.tsx';
import { AddressText } from '../../components/AddressText.tsx';
import { KindBadge } from '../../components/KindBadge.tsx';
import { entryPath } from '../../paths.ts';

interface Props {
  entries: DirectoryEntry[];
  onEdit: (entry: DirectoryEntry) => void;
  onRemove: (entry: DirectoryEntry) => void;
}

/** The establishment's entries in every state, each with what waits for a technician. */
export function EntriesTable({ entries, onEdit, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={780}>
      <Table striped highlightOnHover verticalSpacing="sm" withTableBorder>
        <Table.Caption>{t('directory.admin.caption', { count: entries.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('directory.admin.colName')}</Table.Th>
            <Table.Th scope="col">{t('directory.admin.colSpecialty')}</Table.Th>
            <Table.Th scope="col">{t('directory.admin.colMailbox')}</Table.Th>
            <Table.Th scope="col">{t('directory.admin.colState')}</Table.Th>
            <Table.Th scope="col">{t('directory.admin.colActions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const name = entryDisplayName(entry.fields);
            const main = entry.fields.mailboxes[0];
            const editable = entry.state !== 'retired';
            return (
              <Table.Tr
                key={entry.id}
                data-testid="directory-entry-row"
                data-state={entry.state}
                data-pending={entry.pendingSubmissionId !== null}
              >
                <Table.Th scope="row" fw={500}>
                  <Stack gap={0}>
                    <Anchor
                      component={Link}
                      to={entryPath(entry.id)}
                      fw={600}
                      aria-label={t('directory.admin.view', { name })}
                    >
                      {name}
                    </Anchor>
                    {entry.fields.nationalId ? (
                      <Text size="xs" ff="monospace" c="dimmed">
                        {entry.fields.nationalId}
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Th>
                <Table.Td>
                  <Text size="sm">{specialtyName(entry.fields.specialty || null, i18n.language) ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  {main ? (
                    <Group gap={6} wrap="nowrap">
                      <KindBadge kind={main.kind} />
                      <AddressText address={main.address} />
                    </Group>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <EntryStateBadge state={entry.state} />
                    {entry.pendingSubmissionId && entry.state !== 'pending' ? (
                      <Badge color="orange" variant="outline" tt="none" style={{ minWidth: 'max-content' }}>
                        {t('directory.admin.pendingChange')}
                      </Badge>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {editable ? (
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={t('directory.admin.editLabel', { name })}
                        onClick={() => onEdit(entry)}
                      >
                        {t('directory.admin.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('directory.admin.removeLabel', { name })}
                        onClick={() => onRemove(entry)}
                      >
                        {t('directory.admin.remove')}
                      </Button>
                    </Group>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
