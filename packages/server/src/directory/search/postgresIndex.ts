import { sql } from 'kysely';
import type { Tx } from '../../db/index.ts';
import type { SearchDocument } from './document.ts';
import { jsonValues } from './rawSql.ts';

/** Spaces at both ends: LIKE '% word %' is then a whole word and '% wor%' the start of one. */
export const padWords = (words: readonly string[]): string => ` ${words.join(' ')} `;

/** Replaces these entries' documents with `docs` (the published ones among them). */
export async function writePostgresDocuments(
  tx: Tx,
  entryIds: readonly string[],
  docs: readonly SearchDocument[],
): Promise<void> {
  await sql`
    DELETE FROM directory_search_docs
    WHERE entry_id IN (SELECT value FROM ${jsonValues('postgres', entryIds)})`.execute(tx.db);
  if (docs.length === 0) return;
  const rows = docs.map((doc) => ({
    entry_id: doc.entryId,
    order_key: doc.orderKey,
    words: padWords(doc.words),
    listed: doc.listed ? 1 : 0,
    specialty: doc.specialty,
    organisation_id: doc.organisationId,
    departement: doc.departement,
  }));
  await sql`
    INSERT INTO directory_search_docs
      (entry_id, order_key, words, listed, specialty, organisation_id, departement)
    SELECT entry_id, order_key, words, listed, specialty, organisation_id, departement
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
      entry_id text, order_key text, words text, listed integer,
      specialty text, organisation_id text, departement text
    )`.execute(tx.db);
}
