import type { MatchKind } from '@liaison/core/directory/searchText';

/**
 * Matches past this many are neither counted nor served: `total` stops at it (read it as "this many
 * or more") and a page beyond it is empty. Nobody pages through a thousand names instead of typing
 * one more letter, and it bounds the work of every query.
 */
export const SEARCH_RESULT_CAP = 1000;

/** One way a query word can be found: an indexed word equal to `term`, or starting with it. */
export interface Alternative {
  readonly term: string;
  readonly prefix: boolean;
}

/** Every clause must be met (AND); a clause is met when one of its alternatives is found (OR). */
export type Condition = readonly (readonly Alternative[])[];

/**
 * The entries whose weakest query word matches with `kind`: those meeting `include` and not `exclude`.
 * Tiers nest: `include` also holds every stronger tier's entries and `exclude` is the next stronger
 * tier's `include`, so a tier's size is a difference of counts. Their own entries are disjoint and
 * ranked best first, so a page can run from one tier into the next.
 */
export interface Tier {
  readonly kind: MatchKind;
  readonly include: Condition;
  readonly exclude: Condition | null;
}

/** Who may be listed, beside the text: always applied, text or not. */
export interface SearchFilters {
  readonly listedOnly: boolean;
  readonly specialty: string | null;
  readonly organisationId: string | null;
  readonly departement: string | null;
}

const each = (words: readonly string[], prefix: boolean): Condition =>
  words.map((term) => [{ term, prefix }]);

/** Every query word is an indexed word. */
export function exactTier(words: readonly string[]): Tier {
  return { kind: 'exact', include: each(words, false), exclude: null };
}

/** Every query word starts an indexed word, and not every one is a whole word. */
export function prefixTier(words: readonly string[]): Tier {
  return { kind: 'prefix', include: each(words, true), exclude: each(words, false) };
}

/**
 * Every query word is found as a prefix or with one typo (its typo prefixes, already narrowed to those
 * some indexed word starts with), and some word only with a typo. Null when no word has any.
 */
export function typoTier(
  words: readonly string[],
  typoPrefixes: ReadonlyMap<string, readonly string[]>,
): Tier | null {
  if (words.every((word) => (typoPrefixes.get(word) ?? []).length === 0)) return null;
  const include = words.map((word) => {
    const prefixes = [word, ...(typoPrefixes.get(word) ?? [])];
    // "lyon" is inside "lyo" (its last letter mistyped): searching both would read lyon's list twice.
    const needed = prefixes.filter(
      (p) => !prefixes.some((shorter) => shorter !== p && p.startsWith(shorter)),
    );
    return needed.map((term) => ({ term, prefix: true }));
  });
  return { kind: 'typo', include, exclude: each(words, true) };
}
