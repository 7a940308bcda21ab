import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { columnLabel } from './importLabels.ts';

/** How each header of the file was understood, so a misnamed column is seen before importing. */
export function ColumnsTable({ columns }: { columns: { header: string; mappedTo: string | null }[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table verticalSpacing={4} withTableBorder>
        <Table.Caption>{t('directory.upload.columnsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('directory.upload.colHeader')}</Table.Th>
            <Table.Th scope="col">{t('directory.upload.colMapped')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {columns.map((column, index) => (
            <Table.Tr key={`${index}-${column.header}`}>
              <Table.Th scope="row" fw={500}>
                <Text size="sm" ff="monospace">
                  {column.header}
                </Text>
              </Table.Th>
              <Table.Td>
                {column.mappedTo ? (
                  <Text size="sm">{columnLabel(t, column.mappedTo)}</Text>
                ) : (
                  <Badge color="gray" variant="light" tt="none">
                    {columnLabel(t, null)}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
