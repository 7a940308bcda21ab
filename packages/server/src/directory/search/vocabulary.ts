import { sql } from 'kysely';
import type { Dialect, Reader, Tx } from '../../db/index.ts';
import { jsonValues, selectRaw } from './rawSql.ts';

/**
 * Records words as indexed. The vocabulary only grows: a word whose last entry changed stays, and
 * costs nothing but a typo prefix that finds no entry. Not counting entries per word keeps every
 * indexing transaction off shared counter rows (PostgreSQL writers would queue on "cardiologie").
 * Sorted, so concurrent PostgreSQL writers insert new words in the same order and cannot deadlock.
 */
export async function recordWords(tx: Tx, words: readonly string[]): Promise<void> {
  if (words.length === 0) return;
  const sorted = [...new Set(words)].sort();
  // `WHERE true` tells SQLite's parser the ON CONFLICT belongs to the INSERT, not to a join.
  await sql`
    INSERT INTO directory_search_terms (term)
    SELECT value FROM ${jsonValues(tx.dialect, sorted)} WHERE true
    ON CONFLICT (term) DO NOTHING`.execute(tx.db);
}

/**
 * Those of `prefixes` that some recorded word starts with: one index seek each (the first word at
 * or after the prefix starts with it, or no word does).
 */
export async function knownPrefixes(
  reader: Reader,
  dialect: Dialect,
  prefixes: readonly string[],
): Promise<Set<string>> {
  if (prefixes.length === 0) return new Set();
  const rows = await selectRaw<{ prefix: string }>(
    reader,
    sql`
      SELECT value AS prefix FROM ${jsonValues(dialect, prefixes)}
      WHERE substr(
        (SELECT t.term FROM directory_search_terms t WHERE t.term >= value ORDER BY t.term LIMIT 1),
        1, length(value)
      ) = value`,
  );
  return new Set(rows.map((r) => r.prefix));
}

/**
 * The recorded words starting with each prefix, at most `max` of them; null for a prefix that starts
 * more (then searching the prefix itself is cheaper than listing its words).
 */
export async function wordsStartingWith(
  reader: Reader,
  dialect: Dialect,
  prefixes: readonly string[],
  max: number,
): Promise<Map<string, readonly string[] | null>> {
  if (prefixes.length === 0) return new Map();
  const list = dialect === 'sqlite' ? sql`json_group_array(term)` : sql`json_agg(term)`;
  const rows = await selectRaw<{ prefix: string; terms: string | string[] | null }>(
    reader,
    sql`
      SELECT value AS prefix, (
        SELECT ${list} FROM (
          SELECT t.term FROM directory_search_terms t WHERE t.term >= value ORDER BY t.term LIMIT ${max + 1}
        ) AS following
      ) AS terms
      FROM ${jsonValues(dialect, prefixes)}`,
  );
  return new Map(
    rows.map(({ prefix, terms }) => {
      const following = typeof terms === 'string' ? (JSON.parse(terms) as string[]) : (terms ?? []);
      const starting = following.filter((term) => term.startsWith(prefix));
      return [prefix, starting.length > max ? null : starting];
    }),
  );
}
