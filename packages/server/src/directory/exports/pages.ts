import type { Actor } from '../../auth/actor.ts';
import type { Reader } from '../../db/index.ts';
import { publishedEntries, selectEntryRows, type PublishedEntryRow } from './publishedEntries.ts';

export interface ExportFilters {
  organisationId?: string;
  /** TRE_R38 code, upper case. */
  specialty?: string;
  /** Two or three characters, as entries store it ("01", "2A", "971"). */
  departement?: string;
  /** ISO-8601 instant: entries changed at or after it. */
  updatedSince?: string;
}

/** Rows read per query: large enough to keep round trips few, small enough to stay flat in memory. */
export const EXPORT_PAGE_SIZE = 1000;

/**
 * The visible published entries matching `filters`, page by page, by keyset on the primary key: each
 * query starts after the last id of the previous page, so a 200,000-entry export never holds more
 * than one page and every page is an index range scan (no OFFSET to skip over).
 */
export async function* exportPages(
  db: Reader,
  viewer: Actor | null,
  filters: ExportFilters,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<PublishedEntryRow[]> {
  let after: string | null = null;
  for (;;) {
    let query = publishedEntries(db, viewer);
    if (filters.organisationId !== undefined)
      query = query.where('e.organisation_id', '=', filters.organisationId);
    if (filters.specialty !== undefined) query = query.where('e.specialty', '=', filters.specialty);
    if (filters.departement !== undefined) query = query.where('e.departement', '=', filters.departement);
    if (filters.updatedSince !== undefined) query = query.where('e.modified_at', '>=', filters.updatedSince);
    if (after !== null) query = query.where('e.id', '>', after);
    const rows = (await selectEntryRows(query)
      .orderBy('e.id')
      .limit(pageSize)
      .execute()) as PublishedEntryRow[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}
