import { normaliseForSearch } from '@liaison/core/directory/searchText';
import type { Actor } from '../../auth/actor.ts';
import type { Reader } from '../../db/index.ts';
import type { Deps } from '../../deps.ts';
import { fail } from '../../errors.ts';
import {
  publishedEntries,
  requireDirectoryAccess,
  selectEntryRows,
  type PublishedEntriesQuery,
  type PublishedEntryRow,
} from '../exports/publishedEntries.ts';
import { searchBundle } from './bundle.ts';
import { whereEntrySearch } from './entryQuery.ts';
import { hasPerson, organizationOf, practitionerOf, practitionerRoleOf } from './mapping.ts';
import { nameCandidates, nameMatches } from './nameMatch.ts';
import { visibleOrganisations, whereOrganisationSearch } from './organisationQuery.ts';
import { parseSearch, type FhirResourceType, type FhirSearch } from './params.ts';
import type { Bundle, DirectoryResource } from './resources.ts';

interface Page {
  total: number;
  ids: string[];
}

/**
 * The page of matches when a name filter has to be decided here: the candidates (three short columns
 * each) come in one pass over the table, in storage order, which is far cheaper on SQLite than walking
 * the random-UUID primary key; the matches are then sorted by name and paged.
 */
async function scanEntriesByName(query: PublishedEntriesQuery, search: FhirSearch): Promise<Page> {
  const { family, given } = search;
  let candidates = query;
  if (family !== undefined)
    candidates = candidates.where((eb) => nameCandidates(eb.ref('e.last_name'), family, false));
  if (given !== undefined)
    candidates = candidates.where((eb) => nameCandidates(eb.ref('e.first_name'), given, false));
  const rows = await candidates.select(['e.id', 'e.last_name', 'e.first_name']).execute();
  const matches = rows
    .filter(
      (row) =>
        (family === undefined || nameMatches(row.last_name, family, false)) &&
        (given === undefined || nameMatches(row.first_name, given, false)),
    )
    .map((row) => ({
      id: row.id,
      key: `${normaliseForSearch(row.last_name ?? '')}\u0000${normaliseForSearch(row.first_name ?? '')}`,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1));
  return {
    total: matches.length,
    ids: matches.slice(search.offset, search.offset + search.count).map((m) => m.id),
  };
}

/** Without a name filter the database answers exactly: a count and one ordered page. */
async function pageEntries(
  query: PublishedEntriesQuery,
  search: FhirSearch,
  byPerson: boolean,
): Promise<Page> {
  const { total } = await query
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .executeTakeFirstOrThrow();
  const ordered = byPerson
    ? query.select('e.id').orderBy('e.last_name').orderBy('e.first_name').orderBy('e.id')
    : query.select('e.id').orderBy('e.display_name').orderBy('e.id');
  const rows = await ordered.limit(search.count).offset(search.offset).execute();
  return { total: Number(total), ids: rows.map((r) => r.id) };
}

async function entryRows(
  db: Reader,
  viewer: Actor | null,
  ids: readonly string[],
): Promise<PublishedEntryRow[]> {
  if (ids.length === 0) return [];
  const rows = (await selectEntryRows(
    publishedEntries(db, viewer).where('e.id', 'in', ids),
  ).execute()) as PublishedEntryRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The directory as FHIR R4 resources shaped after the Annuaire Santé profiles: read-only searches
 * and reads over what is published, with the same visibility as DirectoryService (published entries,
 * unlisted ones only for signed-in users, nothing for anonymous callers when the directory is private).
 */
export class FhirDirectory {
  constructor(private readonly deps: Pick<Deps, 'db' | 'config' | 'clock'>) {}

  async search(viewer: Actor | null, type: FhirResourceType, query: unknown): Promise<Bundle> {
    requireDirectoryAccess(this.deps.config, viewer);
    const search = parseSearch(type, query);
    const { total, matches, included } =
      type === 'Organization'
        ? await this.organizations(viewer, search)
        : await this.entries(viewer, type, search);
    return searchBundle(
      this.deps.config.publicUrl,
      type,
      search,
      total,
      matches,
      included,
      this.deps.clock.now(),
    );
  }

  async read(viewer: Actor | null, type: FhirResourceType, id: string): Promise<DirectoryResource> {
    requireDirectoryAccess(this.deps.config, viewer);
    if (type === 'Organization') {
      const org = await visibleOrganisations(this.deps.db.read, viewer)
        .where('o.id', '=', id)
        .executeTakeFirst();
      if (org === undefined) fail('ORGANISATION_NOT_FOUND');
      return organizationOf(org, this.deps.config.publicUrl);
    }
    const [row] = await entryRows(this.deps.db.read, viewer, [id]);
    if (row === undefined || (type === 'Practitioner' && !hasPerson(row))) fail('ENTRY_NOT_FOUND');
    return type === 'Practitioner' ? practitionerOf(row) : practitionerRoleOf(row);
  }

  private async entries(
    viewer: Actor | null,
    type: 'Practitioner' | 'PractitionerRole',
    search: FhirSearch,
  ): Promise<{ total: number; matches: DirectoryResource[]; included: DirectoryResource[] }> {
    const db = this.deps.db.read;
    const byPerson = type === 'Practitioner';
    const query = whereEntrySearch(publishedEntries(db, viewer), search, { personOnly: byPerson });
    const page =
      search.family !== undefined || search.given !== undefined
        ? await scanEntriesByName(query, search)
        : await pageEntries(query, search, byPerson);
    const rows = await entryRows(db, viewer, page.ids);
    const matches = rows.map((row): DirectoryResource =>
      byPerson ? practitionerOf(row) : practitionerRoleOf(row),
    );
    const included: DirectoryResource[] = [];
    if (search.include.includes('practitioner')) included.push(...rows.filter(hasPerson).map(practitionerOf));
    if (search.include.includes('organization')) {
      const orgIds = [...new Set(rows.map((r) => r.organisation_id))];
      if (orgIds.length > 0) {
        const orgs = await visibleOrganisations(db, viewer)
          .where('o.id', 'in', orgIds)
          .orderBy('o.name')
          .execute();
        included.push(...orgs.map((o) => organizationOf(o, this.deps.config.publicUrl)));
      }
    }
    return { total: page.total, matches, included };
  }

  private async organizations(
    viewer: Actor | null,
    search: FhirSearch,
  ): Promise<{ total: number; matches: DirectoryResource[]; included: DirectoryResource[] }> {
    const query = whereOrganisationSearch(visibleOrganisations(this.deps.db.read, viewer), search);
    const { name } = search;
    let orgs;
    let total: number;
    if (name === undefined) {
      const { count } = await query
        .clearSelect()
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .executeTakeFirstOrThrow();
      total = Number(count);
      orgs = await query
        .orderBy('o.name')
        .orderBy('o.id')
        .limit(search.count)
        .offset(search.offset)
        .execute();
    } else {
      // Establishments are a few thousand at most: filter them all, then sort and page here.
      const all = (await query.where((eb) => nameCandidates(eb.ref('o.name'), name, true)).execute())
        .filter((o) => nameMatches(o.name, name, true))
        .map((o) => ({ org: o, key: normaliseForSearch(o.name) }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.org.id < b.org.id ? -1 : 1));
      total = all.length;
      orgs = all.slice(search.offset, search.offset + search.count).map((o) => o.org);
    }
    return { total, matches: orgs.map((o) => organizationOf(o, this.deps.config.publicUrl)), included: [] };
  }
}
