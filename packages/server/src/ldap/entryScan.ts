/**
 * The LDAP adapter's own reads of the directory tables: a keyset scan in id order (so a search of
 * 200,000 entries holds one batch in memory and a paging cookie is just the last id), restricted in
 * SQL to what the reader may see and narrowed by the filter's hints.
 */
import type { DirectoryEntryFields } from '@liaison/core/api/directory';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Reader } from '../db/index.ts';
import type { DB, DirectoryEntryRow } from '../db/schema.ts';
import { parseFields, rowFields } from '../directory/entryRows.ts';
import { entryUid, type EntryView } from './attributes.ts';
import { nameCandidates } from '../directory/fhir/nameMatch.ts';
import type { SqlHint } from './filters.ts';

type Eb = ExpressionBuilder<DB & { e: DB['directory_entries']; o: DB['organisations'] }, 'e' | 'o'>;

export interface EntryRow extends DirectoryEntryRow {
  organisation_name: string;
  organisation_finess: string | null;
}

export interface ScanOptions {
  /** The reader's own establishment (sees its pending, rejected and unlisted entries), or null. */
  own: string | null;
  organisationId?: string;
  afterId: string | null;
  limit: number;
  hints: readonly SqlHint[];
}

function visible(eb: Eb, own: string | null) {
  const published = eb('e.state', '=', 'published');
  if (own === null) return eb.and([published, eb('e.unlisted', '=', 0)]);
  return eb.or([
    eb.and([published, eb.or([eb('e.unlisted', '=', 0), eb('e.organisation_id', '=', own)])]),
    eb.and([eb('e.organisation_id', '=', own), eb('e.state', 'in', ['pending', 'rejected'])]),
  ]);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function hint(eb: Eb, h: SqlHint) {
  switch (h.column) {
    case 'modified_at':
      return eb('e.modified_at', h.op, h.value);
    case 'national_id':
      return eb('e.national_id', '=', h.value);
    case 'departement':
      return eb('e.departement', '=', h.value);
    case 'id':
      return eb('e.id', '=', h.value);
    case 'mail':
      // `mailboxes` is JSON text: the quoted address is a necessary condition, checked exactly later.
      return eb(sql<string>`e.mailboxes`, 'like', sql<string>`${`%"${escapeLike(h.value)}"%`} escape '\\'`);
    case 'sn':
      // sn is the surname, or the service name of an entry that names no person.
      return eb.or([
        nameCandidates(sql.ref('e.last_name'), h.value, false),
        eb.and([eb('e.last_name', 'is', null), nameCandidates(sql.ref('e.service_name'), h.value, false)]),
      ]);
    case 'givenName':
      return nameCandidates(sql.ref('e.first_name'), h.value, false);
    case 'cn':
      return nameCandidates(sql.ref('e.display_name'), h.value, false);
    case 'uid':
      return eb.or([
        eb('e.ldap_rdn', '=', `uid=${h.value}`),
        eb.and([eb('e.ldap_rdn', 'is', null), eb('e.id', '=', h.value)]),
      ]);
  }
}

function narrowed(eb: Eb, own: string | null, hints: readonly SqlHint[]) {
  const conditions = hints.map((h) => hint(eb, h));
  if (own === null) return eb.and(conditions);
  // The establishment sees its proposals, whose fields are not the row's: the hints cannot judge them.
  const proposed = eb.and([
    eb('e.organisation_id', '=', own),
    eb.exists(
      eb
        .selectFrom('directory_submissions as s')
        .select('s.id')
        .whereRef('s.entry_id', '=', 'e.id')
        .where('s.status', '=', 'pending'),
    ),
  ]);
  return eb.or([eb.and(conditions), proposed]);
}

function baseQuery(db: Reader) {
  return (
    db
      .selectFrom('directory_entries as e')
      .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
      .selectAll('e')
      .select(['o.name as organisation_name', 'o.finess as organisation_finess'])
      // An establishment without FINESS has no branch in the tree, so its entries have no DN.
      .where('o.finess', 'is not', null)
  );
}

/** One batch of visible entries after `afterId`, in id order. */
export async function scanEntries(db: Reader, options: ScanOptions): Promise<EntryRow[]> {
  let query = baseQuery(db)
    .where((eb) => visible(eb, options.own))
    .orderBy('e.id')
    .limit(options.limit);
  if (options.hints.length > 0) query = query.where((eb) => narrowed(eb, options.own, options.hints));
  if (options.organisationId !== undefined)
    query = query.where('e.organisation_id', '=', options.organisationId);
  if (options.afterId !== null) query = query.where('e.id', '>', options.afterId);
  return query.execute();
}

/**
 * The entry an establishment names by `uid=<value>` under its own branch: a live one first (pending or
 * published), else one whose proposal was rejected. Retired entries are gone for LDAP.
 */
export async function findOwnEntry(
  db: Reader,
  organisationId: string,
  uid: string,
): Promise<EntryRow | undefined> {
  const value = uid.toLowerCase();
  const rows = (await baseQuery(db)
    .where('e.organisation_id', '=', organisationId)
    .where('e.state', 'in', ['pending', 'published', 'rejected'])
    .where((eb) =>
      eb.or([
        eb('e.ldap_rdn', '=', `uid=${value}`),
        ...(/^[0-9a-f-]{36}$/.test(value)
          ? [eb.and([eb('e.ldap_rdn', 'is', null), eb('e.id', '=', value)])]
          : []),
      ]),
    )
    .execute()) as EntryRow[];
  return rows.find((r) => r.state !== 'rejected') ?? rows[0];
}

export interface PendingProposal {
  fields: DirectoryEntryFields;
  action: 'create' | 'update' | 'remove';
  submittedAt: string;
}

/** The pending proposals of some entries (at most one each: a newer one withdraws the older). */
export async function pendingProposals(
  db: Reader,
  entryIds: readonly string[],
): Promise<Map<string, PendingProposal>> {
  if (entryIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('directory_submissions')
    .select(['entry_id', 'fields', 'action', 'submitted_at'])
    .where('entry_id', 'in', entryIds)
    .where('status', '=', 'pending')
    .execute();
  return new Map(
    rows.map((r) => [
      r.entry_id,
      { fields: parseFields(r.fields), action: r.action, submittedAt: r.submitted_at },
    ]),
  );
}

/**
 * How `row` reads to a reader: the published fields, or, for its own establishment, what it proposed
 * (a pending creation, change or removal) with the status that says so.
 */
export function viewOf(row: EntryRow, proposal: PendingProposal | undefined, own: string | null): EntryView {
  const mine = own !== null && row.organisation_id === own;
  const base = {
    id: row.id,
    uid: entryUid(row.id, row.ldap_rdn),
    finess: row.organisation_finess ?? '',
    organisationName: row.organisation_name,
    createdAt: row.created_at,
    certificates: null,
  };
  if (mine && proposal !== undefined) {
    return {
      ...base,
      fields: proposal.fields,
      status: 'pending',
      pendingChange: proposal.action,
      modifiedAt: proposal.submittedAt,
    };
  }
  return {
    ...base,
    fields: rowFields(row),
    status: row.state === 'published' ? 'published' : row.state === 'rejected' ? 'rejected' : 'pending',
    pendingChange: row.state === 'pending' ? 'create' : null,
    modifiedAt: row.modified_at,
  };
}

/** Establishments that have a branch (a FINESS), in FINESS order, after `afterFiness`. */
export async function scanEstablishments(
  db: Reader,
  options: { afterFiness: string | null; limit: number; finess?: string },
): Promise<{ id: string; finess: string; name: string; city: string | null }[]> {
  let query = db
    .selectFrom('organisations')
    .select(['id', 'finess', 'name', 'city'])
    .where('finess', 'is not', null)
    .orderBy('finess')
    .limit(options.limit);
  if (options.afterFiness !== null) query = query.where('finess', '>', options.afterFiness);
  if (options.finess !== undefined) query = query.where('finess', '=', options.finess);
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, finess: r.finess ?? '', name: r.name, city: r.city }));
}
