import type { DirectoryEntry } from '@liaison/core/api/directory';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format.ts';
import { entryPath } from '../paths.ts';

/** Published entries whose RPPS left the national reference: to check with their establishment. */
export function RetirementsTable({ entries }: { entries: DirectoryEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="sm" withTableBorder data-testid="retirements">
        <Table.Caption>{t('directory.review.retirementsCaption', { count: entries.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('directory.review.colName')}</Table.Th>
            <Table.Th scope="col">{t('directory.review.colRpps')}</Table.Th>
            <Table.Th scope="col">{t('directory.review.colOrganisation')}</Table.Th>
            <Table.Th scope="col">{t('directory.review.colLeftAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Th scope="row">
                <Anchor component={Link} to={entryPath(entry.id)} fw={600}>
                  {entryDisplayName(entry.fields)}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {entry.fields.nationalId ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{entry.organisationName}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {entry.rppsLeftAt ? formatDate(entry.rppsLeftAt, i18n.language, 'medium') : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
