import type { ImportRowError } from '@liaison/core/api/directory';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rowProblem } from './importLabels.ts';

/** Enough to fix a file by hand without drowning the page; the rest come back at the next check. */
const SHOWN = 200;

interface Props {
  errors: ImportRowError[];
  /** All the errors the server found (it may have sent fewer). */
  total: number;
  columns: { header: string; mappedTo: string | null }[];
}

/** Every bad row with its line, its column and what is wrong, in the file's own words. */
export function RowErrorsTable({ errors, total, columns }: Props) {
  const { t } = useTranslation();
  const shown = errors.slice(0, SHOWN);
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing="xs" withTableBorder data-testid="import-errors">
          <Table.Caption>{t('directory.upload.errorsCaption', { count: total })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={80}>
                {t('directory.upload.colLine')}
              </Table.Th>
              <Table.Th scope="col">{t('directory.upload.colColumn')}</Table.Th>
              <Table.Th scope="col">{t('directory.upload.colProblem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((error, index) => (
              <Table.Tr key={`${error.line}-${error.column ?? ''}-${index}`} data-testid="import-error-row">
                <Table.Th scope="row">{error.line}</Table.Th>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {error.column ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{rowProblem(t, error, columns)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {total > shown.length ? (
        <Text size="sm" c="dimmed">
          {t('directory.upload.moreErrors', { count: total - shown.length })}
        </Text>
      ) : null}
    </>
  );
}
