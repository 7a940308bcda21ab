import type { Alternative, Condition, SearchFilters } from './plan.ts';
import { excludedFilterTokens, requiredFilterTokens } from './sqliteFilters.ts';

/** Prefixes up to this long have their own FTS5 index (migration 008): one list, read as it streams. */
export const INDEXED_PREFIX_LENGTH = 3;

/**
 * The words each longer prefix starts (from the vocabulary); null when too many, and the prefix is
 * searched as such. FTS5 builds the whole match list of a prefix before returning its first row, but
 * streams an OR of words, so LIMIT stops early.
 */
export type Expansions = ReadonlyMap<string, readonly string[] | null>;

/**
 * A term as an FTS5 string, restricted to one column. Query words are letters and digits only
 * (`searchTokens`), so quotes, stars, parentheses and operators typed by a user never reach FTS5 as
 * syntax; the doubling of quotes is for safety only. "or" and "near" are quoted strings, not operators.
 */
const phrase = (column: 'words' | 'filters', term: string, prefix: boolean): string =>
  `${column} : "${term.replaceAll('"', '""')}"${prefix ? '*' : ''}`;

function phrases(a: Alternative, expansions: Expansions): string[] {
  const words = a.prefix && a.term.length > INDEXED_PREFIX_LENGTH ? expansions.get(a.term) : null;
  if (words === undefined || words === null) return [phrase('words', a.term, a.prefix)];
  return words.map((word) => phrase('words', word, false));
}

/**
 * What to ask: an FTS5 MATCH expression; every document (no text, no filter but perhaps "listed");
 * or nothing at all (some query word starts no indexed word).
 */
export type FtsQuery =
  { kind: 'match'; expression: string } | { kind: 'all'; listedOnly: boolean } | { kind: 'none' };

/** The documents meeting a condition (null: no text) and the filters. */
export function ftsQuery(
  condition: Condition | null,
  filters: SearchFilters,
  expansions: Expansions,
): FtsQuery {
  const required: string[] = [];
  for (const clause of condition ?? []) {
    // A typo prefix often expands to a word already listed ("medecin" to "medecine"): once is enough.
    const alternatives = [...new Set(clause.flatMap((a) => phrases(a, expansions)))];
    if (alternatives.length === 0) return { kind: 'none' };
    required.push(`(${alternatives.join(' OR ')})`);
  }
  required.push(...requiredFilterTokens(filters).map((token) => phrase('filters', token, false)));
  if (required.length === 0) return { kind: 'all', listedOnly: filters.listedOnly };
  const excluded = excludedFilterTokens(filters).map((token) => phrase('filters', token, false));
  const matched = required.join(' AND ');
  return {
    kind: 'match',
    expression: excluded.length === 0 ? matched : `(${matched}) NOT ${excluded.join(' NOT ')}`,
  };
}
