import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DB, DirectoryEntryTable, OrganisationTable } from '../../db/schema.ts';
import type { PublishedEntriesQuery } from '../exports/publishedEntries.ts';
import type { FhirSearch, Token } from './params.ts';
import { CODE_SYSTEM, IDENTIFIER_SYSTEM } from './systems.ts';

type EntryScope = ExpressionBuilder<DB & { e: DirectoryEntryTable; o: OrganisationTable }, 'e' | 'o'>;

/** The national ids an identifier token can name: [kind or null for either, id]. */
function nationalIds(token: Token): [('rpps' | 'adeli') | null, string][] {
  const value = token.code.toUpperCase();
  const fromIdNatPs = (): [('rpps' | 'adeli') | null, string][] => {
    if (/^8\d{11}$/.test(value)) return [['rpps', value.slice(1)]];
    if (/^0.{9}$/.test(value)) return [['adeli', value.slice(1)]];
    return [];
  };
  if (token.system === null) return [[null, value], ...fromIdNatPs()];
  if (token.system === IDENTIFIER_SYSTEM.idNatPs) return fromIdNatPs();
  if (token.system === IDENTIFIER_SYSTEM.rpps) return [['rpps', value]];
  return [];
}

function identifierMatch(eb: EntryScope, tokens: readonly Token[]): Expression<SqlBool> {
  return eb.or(
    tokens
      .flatMap(nationalIds)
      .map(([kind, id]) =>
        kind === null
          ? eb('e.national_id', '=', id)
          : eb.and([eb('e.national_id', '=', id), eb('e.national_id_kind', '=', kind)]),
      ),
  );
}

/** A bare code is a profession (TRE_G15) or a specialty (TRE_R38); a system says which. */
function qualificationMatch(eb: EntryScope, tokens: readonly Token[]): Expression<SqlBool> {
  return eb.or(
    tokens.flatMap((token) => {
      const code = token.code.toUpperCase();
      if (token.system === null) return [eb('e.profession', '=', code), eb('e.specialty', '=', code)];
      if (token.system === CODE_SYSTEM.profession) return [eb('e.profession', '=', code)];
      if (token.system === CODE_SYSTEM.specialty) return [eb('e.specialty', '=', code)];
      return [];
    }),
  );
}

/** LIKE's own wildcards, escaped (addresses may hold `_`). */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Any of the entry's addresses. The main one is its indexed column; the others live only in the
 * `mailboxes` JSON, which a LIKE on the serialised `"address":"…"` pair finds exactly.
 */
function mailboxMatch(eb: EntryScope, addresses: readonly string[]): Expression<SqlBool> {
  return eb.or(
    addresses.flatMap((address) => [
      eb('e.address', '=', address),
      sql<SqlBool>`${eb.ref('e.mailboxes')} like ${`%"address":${likeLiteral(JSON.stringify(address))}%`} escape '\\'`,
    ]),
  );
}

/** Narrows visible published entries to what a Practitioner or PractitionerRole search asks. */
export function whereEntrySearch(
  query: PublishedEntriesQuery,
  search: FhirSearch,
  options: { personOnly: boolean },
): PublishedEntriesQuery {
  let q = query;
  if (options.personOnly) q = q.where('e.last_name', 'is not', null).where('e.first_name', 'is not', null);
  const { identifier, qualification, organization, practitioner, mailbox } = search;
  if (identifier !== undefined) q = q.where((eb) => identifierMatch(eb, identifier));
  if (qualification !== undefined) q = q.where((eb) => qualificationMatch(eb, qualification));
  if (organization !== undefined) q = q.where('e.organisation_id', 'in', organization);
  if (practitioner !== undefined)
    q = q
      .where('e.id', 'in', practitioner)
      .where('e.last_name', 'is not', null)
      .where('e.first_name', 'is not', null);
  if (mailbox !== undefined) q = q.where((eb) => mailboxMatch(eb, mailbox));
  return q;
}
