import type { Actor } from '../../auth/actor.ts';
import type { Config } from '../../config/config.ts';
import type { Reader } from '../../db/index.ts';
import type { DirectoryEntryRow } from '../../db/schema.ts';
import { fail } from '../../errors.ts';

/**
 * The published directory as a reader of it may see it: published entries only, unlisted ones only
 * for signed-in users (DirectoryService.canSee says the same for one entry). Bulk readers (FHIR
 * search, exports) start from here so the rule lives in one query.
 */
export function publishedEntries(db: Reader, viewer: Actor | null) {
  const query = db
    .selectFrom('directory_entries as e')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .where('e.state', '=', 'published');
  return viewer === null ? query.where('e.unlisted', '=', 0) : query;
}

export type PublishedEntriesQuery = ReturnType<typeof publishedEntries>;

/** An entry row with what every bulk view shows of its establishment. */
export interface PublishedEntryRow extends DirectoryEntryRow {
  organisation_name: string;
  organisation_finess: string | null;
  organisation_city: string | null;
}

export function selectEntryRows(query: PublishedEntriesQuery) {
  return query
    .selectAll('e')
    .select([
      'o.name as organisation_name',
      'o.finess as organisation_finess',
      'o.city as organisation_city',
    ]);
}

/** An instance may keep its directory for signed-in users only (LIAISON_DIRECTORY_PUBLIC=false). */
export function requireDirectoryAccess(config: Config, viewer: Actor | null): void {
  if (viewer === null && !config.directoryPublic) fail('NOT_AUTHENTICATED');
}
