import { sql } from 'kysely';
import type { Tx } from '../../db/index.ts';
import type { EntryToIndex } from './document.ts';
import { jsonValues } from './rawSql.ts';

/** The entries (any state) with their organisation's name and city; ids not found are left out. */
export async function entriesToIndex(tx: Tx, entryIds: readonly string[]): Promise<EntryToIndex[]> {
  return tx.db
    .selectFrom('directory_entries as e')
    .leftJoin('organisations as o', 'o.id', 'e.organisation_id')
    .select([
      'e.id',
      'e.state',
      'e.last_name',
      'e.first_name',
      'e.service_name',
      'e.specialty',
      'e.organisation_id',
      'e.departement',
      'e.address',
      'e.unlisted',
      'e.display_name',
      'o.name as organisation_name',
      'o.city as organisation_city',
    ])
    .where('e.id', 'in', sql<string>`(SELECT value FROM ${jsonValues(tx.dialect, entryIds)})`)
    .execute();
}
