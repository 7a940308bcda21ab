import { sql } from 'kysely';
import type { Tx } from '../../db/index.ts';

/** A row of directory_search_docs; `pos` is also the document's FTS5 rowid. */
export interface IndexRow {
  pos: number;
  entry_id: string;
  order_key: string;
  words: string;
  filters: string;
  /** 1 or 0: lets a listing without text skip unlisted entries without FTS5. */
  listed: number;
}

export type UnplacedRow = Omit<IndexRow, 'pos'>;

/** Removes documents (both tables) by position. */
export async function deleteRows(tx: Tx, positions: readonly number[]): Promise<void> {
  if (positions.length === 0) return;
  const list = JSON.stringify(positions);
  await sql`DELETE FROM directory_search_fts WHERE rowid IN (SELECT value FROM json_each(${list}))`.execute(
    tx.db,
  );
  await sql`DELETE FROM directory_search_docs WHERE pos IN (SELECT value FROM json_each(${list}))`.execute(
    tx.db,
  );
}

/** Writes documents (both tables) at their positions, which must be free. */
export async function insertRows(tx: Tx, rows: readonly IndexRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO directory_search_docs (pos, entry_id, order_key, words, filters, listed)
    SELECT value ->> 'pos', value ->> 'entry_id', value ->> 'order_key', value ->> 'words',
      value ->> 'filters', value ->> 'listed'
    FROM json_each(${JSON.stringify(rows)})`.execute(tx.db);
  await sql`
    INSERT INTO directory_search_fts (rowid, words, filters)
    SELECT pos, words, filters FROM directory_search_docs
    WHERE pos IN (SELECT value FROM json_each(${JSON.stringify(rows.map((r) => r.pos))}))`.execute(tx.db);
}

/** The documents of these entries, where indexed. */
export async function rowsOfEntries(tx: Tx, entryIds: readonly string[]): Promise<IndexRow[]> {
  const { rows } = await sql<IndexRow>`
    SELECT pos, entry_id, order_key, words, filters, listed FROM directory_search_docs
    WHERE entry_id IN (SELECT value FROM json_each(${JSON.stringify(entryIds)}))`.execute(tx.db);
  return rows;
}
