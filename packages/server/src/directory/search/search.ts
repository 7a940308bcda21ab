import { matchSearch, searchTokens } from '@liaison/core/directory/searchText';
import type { Database, Dialect, Reader } from '../../db/index.ts';
import type { PageRow, SearchBackend } from './backend.ts';
import { exactTier, prefixTier, SEARCH_RESULT_CAP, typoTier, type Tier } from './plan.ts';
import { postgresSearch } from './postgresQuery.ts';
import { sqliteSearch } from './sqliteQuery.ts';
import { typoPrefixes } from './typos.ts';
import { knownPrefixes } from './vocabulary.ts';

export interface DirectorySearchQuery {
  text: string;
  specialty?: string;
  organisationId?: string;
  departement?: string;
  includeUnlisted: boolean;
  limit: number;
  offset: number;
}

export interface DirectorySearchHit {
  entryId: string;
  match: 'exact' | 'prefix' | 'typo';
}

export { SEARCH_RESULT_CAP };

/**
 * The tiers in rank order; none but the filters when the text has no words. The typo tier costs a
 * vocabulary lookup, so it is built only if the caller reads that far.
 */
async function* tiers(
  reader: Reader,
  dialect: Dialect,
  words: readonly string[],
): AsyncGenerator<Tier | null> {
  if (words.length === 0) {
    yield null;
    return;
  }
  yield exactTier(words);
  yield prefixTier(words);
  const spellings = new Map(words.map((word) => [word, typoPrefixes(word)]));
  const known = await knownPrefixes(reader, dialect, [...new Set([...spellings.values()].flat())]);
  const typo = typoTier(
    words,
    new Map([...spellings].map(([word, prefixes]) => [word, prefixes.filter((p) => known.has(p))])),
  );
  if (typo !== null) yield typo;
}

/** The database found the row; the shared rules (packages/core) say how well it matches. */
function toHit(row: PageRow, tier: Tier | null, text: string): DirectorySearchHit | null {
  if (tier === null) return { entryId: row.entryId, match: 'exact' };
  const match = matchSearch(text, row.words);
  return match === null ? null : { entryId: row.entryId, match: match.kind };
}

const wholeNumber = (n: number): number => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);

/**
 * Published entries matching every word of `text` (exactly, as a prefix, or with one typo), best
 * match first, then by display name; with no words, the filtered list by display name (every hit
 * then reports `exact`). `total` counts matches up to SEARCH_RESULT_CAP.
 */
export async function searchDirectory(
  db: Database,
  query: DirectorySearchQuery,
): Promise<{ hits: DirectorySearchHit[]; total: number }> {
  const backend: SearchBackend = db.dialect === 'sqlite' ? sqliteSearch : postgresSearch;
  const reader = db.read;
  const session = backend(reader, {
    listedOnly: !query.includeUnlisted,
    specialty: query.specialty ?? null,
    organisationId: query.organisationId ?? null,
    departement: query.departement ?? null,
  });
  const words = searchTokens(query.text);

  // Each tier's count includes the stronger tiers' (they nest): its own size is the difference.
  const counted: { tier: Tier | null; size: number }[] = [];
  let total = 0;
  for await (const tier of tiers(reader, db.dialect, words)) {
    if (total >= SEARCH_RESULT_CAP) break;
    const reached = await session.count(tier, SEARCH_RESULT_CAP);
    counted.push({ tier, size: Math.max(0, reached - total) });
    total = Math.max(total, reached);
  }

  const offset = wholeNumber(query.offset);
  const end = Math.min(offset + wholeNumber(query.limit), total);
  const hits: DirectorySearchHit[] = [];
  let tierStart = 0;
  for (const { tier, size } of counted) {
    const from = Math.max(offset, tierStart);
    const to = Math.min(end, tierStart + size);
    if (from < to) {
      for (const row of await session.page(tier, to - from, from - tierStart)) {
        const hit = toHit(row, tier, query.text);
        if (hit !== null) hits.push(hit);
      }
    }
    tierStart += size;
  }
  return { hits, total };
}
