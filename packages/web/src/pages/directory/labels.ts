import {
  ENTRY_STATES,
  type DirectoryEntryFields,
  type EntryProblem,
  type EntryState,
} from '@liaison/core/api/directory';
import { TRE_R38, type CodeEntry } from '@liaison/core/codes/index';
import { normaliseForSearch } from '@liaison/core/directory/searchText';
import {
  isOptionsGroup,
  type ComboboxItem,
  type ComboboxParsedItem,
  type OptionsFilter,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { professionName, specialtyName } from '../../lib/codes.ts';

/** TRE_R38 specialties belong to an order, told by their prefix; pickers group them that way. */
const SPECIALTY_GROUPS = ['SM', 'SCD', 'SI', 'SP'] as const;

export interface OptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

function prefixOf(code: string): string {
  return code.replace(/[0-9]+$/, '');
}

/**
 * Every specialty a new entry or a search may use, grouped by order and sorted by label in the
 * person's language. Retired codes are not offered, except `keep` (an entry's current value) so an
 * old entry can still be edited without losing it.
 */
export function specialtyGroups(t: TFunction, language: string, keep?: string | null): OptionGroup[] {
  const en = language === 'en';
  const offered = TRE_R38.codes.filter((entry: CodeEntry) => !entry.deprecated || entry.code === keep);
  return SPECIALTY_GROUPS.map((prefix) => ({
    group: t(`directory.specialtyGroups.${prefix}`),
    items: offered
      .filter((entry) => prefixOf(entry.code) === prefix)
      .map((entry) => ({ value: entry.code, label: en ? entry.labelEn : entry.label }))
      .sort((a, b) => a.label.localeCompare(b.label, language)),
  })).filter((group) => group.items.length > 0);
}

const REQUIRED_FIELDS = ['lastName', 'firstName', 'specialty', 'mailboxes'] as const;
const INVALID_FIELDS = ['nationalId', 'departement', 'kind'] as const;

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/**
 * A sentence for a problem found by `checkEntry` (here or on the server), by code and field
 * (`mailboxes.0.kind` reads as `kind`); a code this version does not know keeps the server's text.
 */
export function problemMessage(
  t: TFunction,
  problem: Pick<EntryProblem, 'field' | 'code' | 'message'>,
): string {
  const name = problem.field.split('.').at(-1) ?? problem.field;
  switch (problem.code) {
    case 'REQUIRED':
      return t(`directory.problems.REQUIRED.${isOneOf(REQUIRED_FIELDS, name) ? name : 'other'}`);
    case 'INVALID':
      return t(`directory.problems.INVALID.${isOneOf(INVALID_FIELDS, name) ? name : 'other'}`);
    case 'UNKNOWN_CODE':
    case 'INVALID_IDENTIFIER':
    case 'INVALID_ADDRESS':
    case 'NO_REPLY_FORBIDDEN':
    case 'DUPLICATE':
    case 'DUPLICATE_ROW':
    case 'EXTRA_CELLS':
    case 'CELL_TOO_LONG':
    case 'FORMULA_REFUSED':
    case 'UNREADABLE_LINE':
      return t(`directory.problems.${problem.code}`);
    default:
      return problem.message || problem.code;
  }
}

export type FieldKey = keyof DirectoryEntryFields;

/** The order fields are shown in, everywhere (entry page, diff, preview). */
export const FIELD_ORDER: FieldKey[] = [
  'lastName',
  'firstName',
  'serviceName',
  'profession',
  'specialty',
  'nationalId',
  'mailboxes',
  'departement',
  'groupName',
  'acceptsAttachments',
  'proxyUser',
  'unlisted',
];

/** One field's value as text, for tables that compare versions; an empty value reads "—". */
export function fieldText(
  t: TFunction,
  language: string,
  key: FieldKey,
  fields: DirectoryEntryFields,
): string {
  const none = t('directory.values.none');
  switch (key) {
    case 'profession':
      return professionName(fields.profession, language) ?? none;
    case 'specialty':
      return fields.specialty ? (specialtyName(fields.specialty, language) ?? none) : none;
    case 'nationalId':
      return fields.nationalId
        ? `${fields.nationalIdKind ? t(`nationalIdKinds.${fields.nationalIdKind}`) : ''} ${fields.nationalId}`.trim()
        : none;
    case 'nationalIdKind':
      return fields.nationalIdKind ? t(`nationalIdKinds.${fields.nationalIdKind}`) : none;
    case 'mailboxes':
      return fields.mailboxes.length === 0
        ? none
        : fields.mailboxes.map((m) => `${m.address} (${m.kind})`).join(', ');
    case 'acceptsAttachments':
    case 'proxyUser':
    case 'unlisted':
      return fields[key] ? t('directory.values.yes') : t('directory.values.no');
    case 'lastName':
    case 'firstName':
    case 'serviceName':
    case 'departement':
    case 'groupName':
      return fields[key] ?? none;
  }
}

/** "Cardiologie · Médecin": what a card shows under a name. */
export function practiceLine(fields: DirectoryEntryFields, language: string): string {
  const specialty = fields.specialty ? specialtyName(fields.specialty, language) : null;
  const profession = professionName(fields.profession, language);
  return [specialty, profession].filter((part) => part).join(' · ');
}

export function isEntryState(value: string): value is EntryState {
  return (ENTRY_STATES as readonly string[]).includes(value);
}

/** Where the entry works: "CH Bretagne Sud · Lorient (56)", or "CH Bretagne Sud (56)" without a city. */
export function placeLine(entry: {
  organisationName: string;
  organisationCity: string | null;
  fields: Pick<DirectoryEntryFields, 'departement'>;
}): string {
  const departement = entry.fields.departement ? ` (${entry.fields.departement})` : '';
  return entry.organisationCity
    ? `${entry.organisationName} · ${entry.organisationCity}${departement}`
    : `${entry.organisationName}${departement}`;
}

/**
 * Select filtering as the directory search reads text: "pediat" finds "Pédiatrie", "maladies vasc"
 * finds "Cardiologie et Maladies vasculaires" (every typed word, anywhere in the label).
 */
export const accentInsensitiveFilter: OptionsFilter = ({ options, search }) => {
  const words = normaliseForSearch(search).split(' ').filter(Boolean);
  const keep = (items: ComboboxParsedItem[]): ComboboxParsedItem[] =>
    items.flatMap((item): ComboboxParsedItem[] => {
      if (isOptionsGroup(item)) {
        const kept = keep(item.items);
        return kept.length > 0 ? [{ group: item.group, items: kept as ComboboxItem[] }] : [];
      }
      const label = normaliseForSearch(item.label);
      return words.every((word) => label.includes(word)) ? [item] : [];
    });
  return keep(options);
};
