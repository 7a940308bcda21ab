import { specialtyLabel } from '@liaison/core/codes/lookup';
import { normaliseForSearch, searchTokens } from '@liaison/core/directory/searchText';

/** What indexing reads of an entry: its row and its organisation's name and city. */
export interface EntryToIndex {
  id: string;
  state: string;
  last_name: string | null;
  first_name: string | null;
  service_name: string | null;
  specialty: string;
  organisation_id: string;
  departement: string | null;
  address: string;
  unlisted: number;
  display_name: string;
  organisation_name: string | null;
  organisation_city: string | null;
}

/** One published entry as the index holds it. */
export interface SearchDocument {
  entryId: string;
  /** Distinct normalised words: what `matchSearch` compares a query with. */
  words: readonly string[];
  /** Unique sort key: normalised display name, then the display name as written, then the id. */
  orderKey: string;
  listed: boolean;
  specialty: string;
  organisationId: string;
  departement: string | null;
}

/**
 * Below every character normalised text can hold (letters, digits, space), so "martin" sorts before
 * "martin jean" whatever follows the separator.
 */
const KEY_SEPARATOR = '\u0001';

/** The unique key entries are listed by: as people read the display name, ties by writing, then id. */
export function orderKey(displayName: string, entryId: string): string {
  return [normaliseForSearch(displayName), displayName, entryId].join(KEY_SEPARATOR);
}

/** The text a query is compared with: names, specialty (code and labels), organisation, place, address. */
function searchableText(entry: EntryToIndex): string {
  return [
    entry.last_name,
    entry.first_name,
    entry.service_name,
    entry.specialty,
    specialtyLabel(entry.specialty, 'fr'),
    specialtyLabel(entry.specialty, 'en'),
    entry.organisation_name,
    entry.organisation_city,
    entry.departement,
    entry.address,
  ]
    .filter((part): part is string => part !== null && part !== '')
    .join(' ');
}

/** The entry's document, or null when it must not be found (anything not published). */
export function searchDocument(entry: EntryToIndex): SearchDocument | null {
  if (entry.state !== 'published') return null;
  return {
    entryId: entry.id,
    words: searchTokens(searchableText(entry)),
    orderKey: orderKey(entry.display_name, entry.id),
    listed: entry.unlisted === 0,
    specialty: entry.specialty,
    organisationId: entry.organisation_id,
    departement: entry.departement,
  };
}
