/**
 * Header text → field. People name columns freely ("Nom", "NOM D'EXERCICE", "Last name", "E-mail",
 * "Adresse mail"): headers are compared without case, accents, spaces or punctuation, against French
 * and English names. Unknown columns are reported and ignored, never guessed.
 */
import { fail } from '../../errors.ts';
import { normaliseWord, quoteValue } from './cellText.ts';
import { MAX_CELL_LENGTH } from './limits.ts';
import type { ColumnField, ParsedColumn } from './types.ts';

/**
 * Names per field, already normalised. "department" is English for a hospital department, i.e. a
 * service, so it maps to serviceName; the French "département" (an administrative area) is
 * "departement", and English speakers say "dept" or "department number" for it.
 */
const HEADER_NAMES: Readonly<Record<ColumnField, readonly string[]>> = {
  lastName: ['nom', 'nomdefamille', 'nomdusage', 'nomdexercice', 'lastname', 'surname', 'familyname'],
  firstName: ['prenom', 'prenomdusage', 'prenomdexercice', 'firstname', 'givenname', 'forename'],
  serviceName: ['service', 'nomduservice', 'servicename', 'department', 'unit', 'unite'],
  specialty: [
    'specialite',
    'specialty',
    'speciality',
    'specialiteordinale',
    'codespecialite',
    'specialtycode',
  ],
  profession: ['profession', 'codeprofession', 'professioncode'],
  mailboxAddress: [
    'email',
    'mail',
    'adresse',
    'adressemail',
    'adresseemail',
    'adressebal',
    'adressemessagerie',
    'courriel',
    'messagerie',
    'emailaddress',
  ],
  mailboxKind: ['typedebal', 'typebal', 'type', 'mailboxkind', 'mailboxtype', 'bal'],
  departement: ['departement', 'dept', 'dpt', 'numerodepartement', 'codedepartement', 'departmentnumber'],
  groupName: ['groupe', 'group', 'groupehospitalier', 'ght', 'groupname'],
  nationalId: [
    'rpps',
    'numerorpps',
    'nrpps',
    'adeli',
    'numeroadeli',
    'nadeli',
    'rppsadeli',
    'rppsouadeli',
    'identifiant',
    'identifiantnational',
    'idnational',
    'nationalid',
  ],
  acceptsAttachments: ['piecesjointes', 'acceptepiecesjointes', 'pj', 'acceptsattachments', 'attachments'],
  unlisted: ['listerouge', 'unlisted', 'nonliste', 'nonlistee'],
  proxyUser: ['proxy', 'utilisateurproxy', 'proxyuser'],
};

const FIELD_BY_NAME: ReadonlyMap<string, ColumnField> = new Map(
  (Object.entries(HEADER_NAMES) as [ColumnField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [name, field] as const),
  ),
);

/** A column named after one kind of identifier holds that kind; the others let checkEntry guess. */
const ID_KIND_BY_NAME: ReadonlyMap<string, 'rpps' | 'adeli'> = new Map([
  ['rpps', 'rpps'],
  ['numerorpps', 'rpps'],
  ['nrpps', 'rpps'],
  ['adeli', 'adeli'],
  ['numeroadeli', 'adeli'],
  ['nadeli', 'adeli'],
]);

export interface ColumnMap {
  /** Every header in file order, with its field. */
  readonly columns: readonly ParsedColumn[];
  /** Column indexes feeding each field, in file order (the first filled one wins on a row). */
  readonly byField: ReadonlyMap<ColumnField, readonly number[]>;
  /** Identifier kind stated by a column's header, by column index. */
  readonly idKindOf: ReadonlyMap<number, 'rpps' | 'adeli'>;
}

export function mapHeaders(headers: readonly string[]): ColumnMap {
  const byField = new Map<ColumnField, number[]>();
  const idKindOf = new Map<number, 'rpps' | 'adeli'>();
  const columns = headers.map((raw, index): ParsedColumn => {
    // A header longer than any cell may be is not a column name: kept short, and left unmapped.
    const tooLong = raw.length > MAX_CELL_LENGTH;
    const header = tooLong ? `${raw.slice(0, MAX_CELL_LENGTH)}…` : raw.trim();
    const name = normaliseWord(header);
    const field = tooLong ? null : (FIELD_BY_NAME.get(name) ?? null);
    if (field !== null) byField.set(field, [...(byField.get(field) ?? []), index]);
    const idKind = ID_KIND_BY_NAME.get(name);
    if (idKind !== undefined) idKindOf.set(index, idKind);
    return { header, mappedTo: field };
  });
  return { columns, byField, idKindOf };
}

/** Headers named in the message, and in `details.found` (a data line read as a header can be long). */
const MAX_LISTED_HEADERS = 20;
const MAX_DETAILED_HEADERS = 100;

/** Keys of `details.missing`, stable for the web app to translate. */
export type MissingColumn = 'nameOrService' | 'firstName' | 'specialty' | 'mailboxAddress';

const MISSING_TEXT: Readonly<Record<MissingColumn, string>> = {
  nameOrService: 'a name or service column ("Nom" or "Service")',
  firstName: 'a first-name column ("Prénom"), since there is a name column',
  specialty: 'a specialty column ("Spécialité")',
  mailboxAddress: 'an email column ("Email")',
};

/** The first line could not even be split into cells (a quote never closed). */
export function failUnreadableHeader(reason: string): never {
  const missing: MissingColumn[] = ['nameOrService', 'specialty', 'mailboxAddress'];
  fail('FILE_COLUMNS_MISSING', `The header line cannot be read: ${reason}`, { missing, found: [] });
}

/**
 * Refuses the whole file when rows could never be right: without these columns every row would
 * fail the same way, and one message says it better than thousands of row errors.
 */
export function requireColumns(map: ColumnMap): void {
  const has = (field: ColumnField): boolean => map.byField.has(field);
  const missing: MissingColumn[] = [];
  if (!has('lastName') && !has('serviceName')) missing.push('nameOrService');
  // checkEntry wants a person's surname and first name together.
  if (has('lastName') && !has('firstName')) missing.push('firstName');
  if (!has('specialty')) missing.push('specialty');
  if (!has('mailboxAddress')) missing.push('mailboxAddress');
  if (missing.length === 0) return;
  const found = map.columns.map((c) => c.header).filter((h) => h !== '');
  const shown = found.slice(0, MAX_LISTED_HEADERS).map(quoteValue).join(', ');
  const more = found.length > MAX_LISTED_HEADERS ? ` and ${found.length - MAX_LISTED_HEADERS} more` : '';
  fail(
    'FILE_COLUMNS_MISSING',
    `The header lacks ${missing.map((m) => MISSING_TEXT[m]).join(', ')}. Columns found: ${
      found.length > 0 ? shown + more : 'none'
    }.`,
    { missing, found: found.slice(0, MAX_DETAILED_HEADERS) },
  );
}
