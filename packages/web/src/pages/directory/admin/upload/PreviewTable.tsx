import type { DirectoryImportCheck } from '@liaison/core/api/directory';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { specialtyName } from '../../../../lib/codes.ts';
import { KindBadge } from '../../components/KindBadge.tsx';

const ACTION_COLOURS = { create: 'liaison', update: 'blue', unchanged: 'gray' } as const;

/** The first rows as the server read them: names, specialties and addresses in their columns. */
export function PreviewTable({ preview }: { preview: DirectoryImportCheck['preview'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped verticalSpacing="xs" withTableBorder data-testid="import-preview">
        <Table.Caption>{t('directory.upload.previewCaption', { count: preview.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('directory.upload.colLine')}</Table.Th>
            <Table.Th scope="col">{t('directory.upload.colEntry')}</Table.Th>
            <Table.Th scope="col">{t('directory.fields.specialty')}</Table.Th>
            <Table.Th scope="col">{t('directory.admin.colMailbox')}</Table.Th>
            <Table.Th scope="col">{t('directory.fields.nationalId')}</Table.Th>
            <Table.Th scope="col">{t('directory.upload.colAction')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.map((row) => {
            const main = row.fields.mailboxes[0];
            return (
              <Table.Tr key={row.line} data-testid="import-preview-row">
                <Table.Td>{row.line}</Table.Td>
                <Table.Th scope="row" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {entryDisplayName(row.fields)}
                </Table.Th>
                <Table.Td>
                  <Text size="sm">{specialtyName(row.fields.specialty || null, i18n.language) ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  {main ? (
                    <Group gap={6} wrap="nowrap">
                      <KindBadge kind={main.kind} />
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {main.address}
                      </Text>
                    </Group>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {row.fields.nationalId ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge
                    color={ACTION_COLOURS[row.action]}
                    variant="light"
                    tt="none"
                    style={{ minWidth: 'max-content' }}
                  >
                    {t(`directory.upload.preview.${row.action}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
