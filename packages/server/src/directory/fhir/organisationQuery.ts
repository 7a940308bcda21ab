import type { Actor } from '../../auth/actor.ts';
import type { Reader } from '../../db/index.ts';
import type { FhirSearch, Token } from './params.ts';
import { IDENTIFIER_SYSTEM } from './systems.ts';

/**
 * Establishments the caller may see in the directory: those with at least one entry the caller may
 * see. An establishment still setting up its entries is not announced to the world.
 */
export function visibleOrganisations(db: Reader, viewer: Actor | null) {
  return db
    .selectFrom('organisations as o')
    .select([
      'o.id',
      'o.kind',
      'o.name',
      'o.finess',
      'o.address_line1',
      'o.address_line2',
      'o.postal_code',
      'o.city',
      'o.updated_at',
    ])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('directory_entries as e')
          .select('e.id')
          .whereRef('e.organisation_id', '=', 'o.id')
          .where('e.state', '=', 'published')
          .$if(viewer === null, (q) => q.where('e.unlisted', '=', 0)),
      ),
    );
}

export type VisibleOrganisationsQuery = ReturnType<typeof visibleOrganisations>;

/** The FINESS numbers a token names: bare, as idNat_Struct ("1" + FINESS), or under the FINESS system. */
function finessValues(token: Token): string[] {
  const value = token.code.toUpperCase();
  const fromIdNatStruct = /^1[0-9A-Z]{9}$/.test(value) ? [value.slice(1)] : [];
  if (token.system === null) return [value, ...fromIdNatStruct];
  // Lenient on the idNat_Struct system: a bare 9-character FINESS there is taken as meant.
  if (token.system === IDENTIFIER_SYSTEM.idNatStruct)
    return /^[0-9A-Z]{9}$/.test(value) ? [value] : fromIdNatStruct;
  if (token.system === IDENTIFIER_SYSTEM.finess) return [value];
  return [];
}

export function whereOrganisationSearch(
  query: VisibleOrganisationsQuery,
  search: FhirSearch,
): VisibleOrganisationsQuery {
  const { identifier } = search;
  if (identifier === undefined) return query;
  const values = [...new Set(identifier.flatMap(finessValues))];
  return query.where((eb) => eb.or(values.map((v) => eb('o.finess', '=', v))));
}
