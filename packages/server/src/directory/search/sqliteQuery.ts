import { sql } from 'kysely';
import type { Reader } from '../../db/index.ts';
import { withoutRank, type PageRow, type RankedRow, type SearchBackend } from './backend.ts';
import { SEARCH_RESULT_CAP, type Condition, type SearchFilters } from './plan.ts';
import { selectRaw } from './rawSql.ts';
import { ftsQuery, INDEXED_PREFIX_LENGTH, type FtsQuery } from './sqliteFts.ts';
import { wordsStartingWith } from './vocabulary.ts';

interface Position {
  pos: number;
}

/** A longer prefix is searched as the words it starts when there are at most this many. */
const MAX_EXPANSION = 32;

/** The long prefixes of a condition whose words are not known yet. */
function unexpanded(condition: Condition, known: ReadonlyMap<string, unknown>): string[] {
  const prefixes = condition
    .flat()
    .filter((a) => a.prefix && a.term.length > INDEXED_PREFIX_LENGTH && !known.has(a.term))
    .map((a) => a.term);
  return [...new Set(prefixes)];
}

/**
 * FTS5 returns matches in rowid order, which is display order (sqlitePositions.ts). A search reads
 * each tier's condition once, stopping at SEARCH_RESULT_CAP matches, and keeps the positions: the
 * count is their number and a page a slice of them, never a sort. A weaker tier's own matches are
 * its positions less the stronger tier's (fewer than the cap whenever a page reaches a weaker tier),
 * taken in JS: FTS5's NOT would walk the stronger condition's lists (long ones, like "s*") again.
 */
export const sqliteSearch: SearchBackend = (reader: Reader, filters: SearchFilters) => {
  const expansions = new Map<string, readonly string[] | null>();
  const matches = new Map<string, Promise<number[]>>();

  async function queryOf(condition: Condition | null): Promise<FtsQuery> {
    const missing = condition === null ? [] : unexpanded(condition, expansions);
    if (missing.length > 0) {
      for (const [prefix, words] of await wordsStartingWith(reader, 'sqlite', missing, MAX_EXPANSION)) {
        expansions.set(prefix, words);
      }
    }
    return ftsQuery(condition, filters, expansions);
  }

  /** The first SEARCH_RESULT_CAP positions of documents meeting the query, in order. */
  async function read(query: FtsQuery): Promise<number[]> {
    if (query.kind === 'none') return [];
    const found =
      query.kind === 'all'
        ? sql<Position>`SELECT pos FROM directory_search_docs WHERE listed >= ${query.listedOnly ? 1 : 0}
              ORDER BY pos LIMIT ${SEARCH_RESULT_CAP}`
        : sql<Position>`SELECT rowid AS pos FROM directory_search_fts WHERE directory_search_fts MATCH ${query.expression}
              ORDER BY rowid LIMIT ${SEARCH_RESULT_CAP}`;
    return (await selectRaw(reader, found, 'pos')).map((r) => r.pos);
  }

  /**
   * Read once per search. Keyed by the query itself: the prefix tier often comes out as the exact
   * tier's query once its prefixes are expanded ("medecine" starts no other word).
   */
  async function positionsOf(condition: Condition | null): Promise<number[]> {
    const query = await queryOf(condition);
    const key = JSON.stringify(query);
    let found = matches.get(key);
    if (found === undefined) {
      found = read(query);
      matches.set(key, found);
    }
    return found;
  }

  async function rowsAt(page: readonly number[]): Promise<PageRow[]> {
    if (page.length === 0) return [];
    const rows = await selectRaw<RankedRow>(
      reader,
      sql`SELECT entry_id AS "entryId", words, pos AS rank FROM directory_search_docs
          WHERE pos IN (SELECT value FROM json_each(${JSON.stringify(page)}))`,
      'rank',
    );
    return rows.map(withoutRank);
  }

  return {
    async count(tier, cap) {
      return Math.min(cap, (await positionsOf(tier?.include ?? null)).length);
    },

    async page(tier, limit, offset) {
      const all = await positionsOf(tier?.include ?? null);
      if (!tier?.exclude) return rowsAt(all.slice(offset, offset + limit));
      const stronger = new Set(await positionsOf(tier.exclude));
      const own = all.filter((pos) => !stronger.has(pos));
      return rowsAt(own.slice(offset, offset + limit));
    },
  };
};
