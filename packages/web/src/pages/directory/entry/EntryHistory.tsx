import { changedFields } from '@liaison/core/directory/entryRules';
import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { directoryKeys, fetchEntryHistory, type EntryVersion } from '../../../api/directory.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { EntryStateBadge } from '../components/EntryStateBadge.tsx';
import { isEntryState } from '../labels.ts';

const CHANGES = ['proposed', 'published', 'updated', 'retired', 'rejected', 'rpps_left'] as const;
type Change = (typeof CHANGES)[number];

function isChange(value: string): value is Change {
  return (CHANGES as readonly string[]).includes(value);
}

/** Versions of an entry, oldest first, each with the fields that changed from the one before. */
export function EntryHistory({ entryId }: { entryId: string }) {
  const { t, i18n } = useTranslation();
  const history = useQuery({
    queryKey: directoryKeys.history(entryId),
    queryFn: () => fetchEntryHistory(entryId),
  });
  const label = (version: EntryVersion, previous: EntryVersion | undefined) =>
    changedFields(previous?.fields ?? null, version.fields)
      .map((key) => t(`directory.fields.${key}`))
      .join(', ');
  return (
    <Section title={t('directory.entry.history')}>
      <ErrorAlert error={history.error} />
      {history.isPending ? <Loading /> : null}
      {history.data ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" withTableBorder>
            <Table.Caption>
              {t('directory.entry.historyCaption', { count: history.data.length })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('directory.entry.version')}</Table.Th>
                <Table.Th scope="col">{t('directory.entry.change')}</Table.Th>
                <Table.Th scope="col">{t('directory.admin.colState')}</Table.Th>
                <Table.Th scope="col">{t('directory.entry.changedAt')}</Table.Th>
                <Table.Th scope="col">{t('directory.entry.changedFields')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.map((version, index) => (
                <Table.Tr key={`${version.version}-${version.changedAt}`}>
                  <Table.Th scope="row">{version.version}</Table.Th>
                  <Table.Td>
                    {isChange(version.change)
                      ? t(`directory.entry.changes.${version.change}`)
                      : version.change}
                  </Table.Td>
                  <Table.Td>
                    {isEntryState(version.state) ? <EntryStateBadge state={version.state} /> : version.state}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(version.changedAt, i18n.language)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {label(version, history.data[index - 1]) || t('directory.values.none')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Section>
  );
}
