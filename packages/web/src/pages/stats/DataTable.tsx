import { Table } from '@mantine/core';

export interface DataRow {
  key: string;
  /** The first cell names the row (a row header for screen readers); the others are its values. */
  cells: string[];
}

interface Props {
  caption: string;
  columns: string[];
  rows: DataRow[];
  testId?: string;
}

/** The figures behind a chart, or a small comparison, as a plain table with row and column headers. */
export function DataTable({ caption, columns, rows, testId }: Props) {
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped withTableBorder verticalSpacing="xs" data-testid={testId}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column} scope="col">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <Table.Th key={index} scope="row" fw={500}>
                    {cell}
                  </Table.Th>
                ) : (
                  <Table.Td key={index} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {cell}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
