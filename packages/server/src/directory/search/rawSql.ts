import { sql, type RawBuilder } from 'kysely';
import type { Dialect, Reader } from '../../db/index.ts';

/**
 * Runs a raw SELECT through a Reader. A Reader offers only builders (that is how it stays read-only),
 * and on SQLite it must be used, not the root handle, so that a search made inside an open
 * transaction reads through it instead of waiting for it. The raw query becomes a derived table.
 */
export async function selectRaw<Row extends object>(
  reader: Reader,
  query: RawBuilder<Row>,
  /** A column of the query to order by: a derived table's own ORDER BY is not guaranteed to survive. */
  orderBy?: keyof Row & string,
): Promise<Row[]> {
  const select = reader.selectFrom(sql<Row>`(${query})`.as('raw')).selectAll();
  const rows = await (orderBy === undefined ? select : select.orderBy(sql.ref(`raw.${orderBy}`))).execute();
  return rows as Row[];
}

/**
 * A JSON array as a one-column table named `value`, one row per element, on either database. Lists go
 * in as one JSON parameter rather than `IN (?, ?, …)`, so the SQL text (and SQLite's prepared
 * statement cache) does not change with the list's length.
 */
export function jsonValues(dialect: Dialect, values: readonly (string | number)[]): RawBuilder<unknown> {
  const json = JSON.stringify(values);
  return dialect === 'sqlite'
    ? sql`json_each(${json})`
    : sql`jsonb_array_elements_text(${json}::jsonb) AS value_list(value)`;
}
