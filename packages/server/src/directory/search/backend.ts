import type { Reader } from '../../db/index.ts';
import type { SearchFilters, Tier } from './plan.ts';

/** A matching entry as a page returns it: the words are what `matchSearch` grades. */
export interface PageRow {
  entryId: string;
  words: string;
}

/**
 * One search on one database (tier null: no text, the filters alone). Tiers nest: a tier's `include`
 * also holds every stronger tier, so counting it needs no exclusion. Pages come in display order
 * (`order_key`), so they are stable and a page may run from one tier into the next. A session may
 * keep what it learnt between calls.
 */
export interface SearchSession {
  /**
   * How many entries meet the tier's `include` (its own and the stronger tiers' matches), counting no
   * further than `cap`: counting every match of a one-letter query would read the whole index.
   */
  count(tier: Tier | null, cap: number): Promise<number>;
  /** The tier's own matches (`include`, not `exclude`) from `offset`, in display order. */
  page(tier: Tier | null, limit: number, offset: number): Promise<PageRow[]>;
}

export type SearchBackend = (reader: Reader, filters: SearchFilters) => SearchSession;

/** A page's rows carry their rank (position or sort key) so the outer query can keep their order. */
export interface RankedRow extends PageRow {
  rank: number | string;
}

export const withoutRank = ({ entryId, words }: RankedRow): PageRow => ({ entryId, words });
