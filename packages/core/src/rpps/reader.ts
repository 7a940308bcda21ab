/**
 * Streaming reader for `PS_LibreAcces_Personne_activite`: one row per activity in, one record per
 * person out. Rows of one person are consecutive in the published file, so grouping needs only the
 * person being assembled: memory stays bounded on the ~1.9 M-row file.
 *
 * Nothing is dropped silently: a row that cannot be read, or an identifier whose key is wrong (the
 * national file carries test identities), is reported through `onWarning` with its line number.
 */
import { isSpecialty, type SpecialtyCode } from '../codes/lookup.ts';
import { checkRpps } from '../ids/rpps.ts';
import {
  RPPS_COLUMN_COUNT,
  RPPS_EXTRACTION_COLUMNS,
  RPPS_SEPARATOR,
  rppsColumnIndex,
  type RppsColumn,
} from './columns.ts';

/** A code and its label as published side by side; null when both cells are empty. */
export interface RppsCoded {
  readonly code: string;
  readonly label: string;
}

export interface RppsActivity {
  /** 1-based line in the file (the header is line 1), to point an operator at the source row. */
  readonly line: number;
  readonly category: RppsCoded | null;
  readonly practiceMode: RppsCoded | null;
  readonly savoirFaireType: RppsCoded | null;
  readonly savoirFaire: RppsCoded | null;
  /** The savoir-faire code when it is a TRE_R38 specialty (SMxx…), so it can be stored as a checked code. */
  readonly specialty: SpecialtyCode | null;
  readonly finessSite: string | null;
  readonly finessLegal: string | null;
  /** "Raison sociale site", or the trade name when the legal name is empty. */
  readonly structureName: string | null;
  readonly postcode: string | null;
  readonly communeCode: string | null;
  readonly communeLabel: string | null;
  readonly departementCode: string | null;
  readonly email: string | null;
  readonly role: RppsCoded | null;
  readonly sector: RppsCoded | null;
}

export interface RppsPerson {
  /** "Type d'identifiant PP": 8 for RPPS. */
  readonly identifierType: string;
  /** "Identifiant PP", the grouping key. */
  readonly rpps: string;
  /** "Identification nationale PP" (type digit + identifier). */
  readonly nationalId: string;
  /** False for identifiers failing the RPPS format or Luhn key; a warning was emitted for them. */
  readonly rppsKeyValid: boolean;
  /** Civil title ("Code civilité": M, MME). */
  readonly civility: RppsCoded | null;
  /** Practice title ("Code civilité d'exercice": DR, PR…). */
  readonly practiceCivility: RppsCoded | null;
  readonly lastName: string;
  readonly firstName: string;
  readonly profession: RppsCoded | null;
  readonly firstLine: number;
  readonly activities: readonly RppsActivity[];
}

export type RppsWarningKind =
  'malformed-row' | 'missing-identifier' | 'bad-rpps-key' | 'inconsistent-identity';

export interface RppsWarning {
  readonly kind: RppsWarningKind;
  readonly line: number;
  readonly message: string;
  readonly rpps?: string;
}

/** The header is not the one this reader maps: reading on would put values in the wrong fields. */
export class RppsHeaderError extends Error {
  /** 1-based position of the first differing column; count + 1 when columns are missing. */
  readonly column: number;
  readonly expected: string | null;
  readonly actual: string | null;

  constructor(column: number, expected: string | null, actual: string | null) {
    super(
      `RPPS extraction header differs at column ${column}: expected ${quote(expected)}, found ${quote(actual)}` +
        ' (see RPPS_EXTRACTION_COLUMNS)',
    );
    this.name = 'RppsHeaderError';
    this.column = column;
    this.expected = expected;
    this.actual = actual;
  }
}

function quote(value: string | null): string {
  return value === null ? 'nothing' : JSON.stringify(value);
}

const BOM = '\uFEFF';

/** Fields of a line; the published files end every line with a separator, which adds one empty field. */
function splitFields(line: string): string[] {
  const fields = line.split(RPPS_SEPARATOR);
  if (fields.length === RPPS_COLUMN_COUNT + 1 && fields[RPPS_COLUMN_COUNT] === '') fields.pop();
  return fields;
}

/** Throws RppsHeaderError naming the first column that is not the expected one. */
export function checkRppsHeader(line: string): void {
  const names = (line.startsWith(BOM) ? line.slice(1) : line).split(RPPS_SEPARATOR);
  // No column is named "": a final empty name is the trailing separator, whatever the count.
  if (names.length > 1 && names[names.length - 1] === '') names.pop();
  const length = Math.max(names.length, RPPS_COLUMN_COUNT);
  for (let i = 0; i < length; i++) {
    const expected = RPPS_EXTRACTION_COLUMNS[i] ?? null;
    const actual = names[i] ?? null;
    if (expected !== actual) throw new RppsHeaderError(i + 1, expected, actual);
  }
}

interface Assembling {
  person: Omit<RppsPerson, 'activities'>;
  activities: RppsActivity[];
}

/**
 * Push parser: feed it lines, it hands back each person once the next person's first row (or the
 * end) shows that the person is complete. Use it directly when lines arrive from a callback; use
 * `readRppsExtraction` with an async iterable.
 */
export class RppsExtractionParser {
  private lineNumber = 0;
  private current: Assembling | null = null;

  constructor(private readonly onWarning: (warning: RppsWarning) => void) {}

  /** Lines consumed so far, header included. */
  get linesRead(): number {
    return this.lineNumber;
  }

  /** Rows held for the person being assembled: never more than one person's. */
  get bufferedRows(): number {
    return this.current?.activities.length ?? 0;
  }

  /** The person that this line completes, if any (at most one: a row can only start one new person). */
  pushLine(line: string): RppsPerson | null {
    this.lineNumber++;
    if (this.lineNumber === 1) {
      checkRppsHeader(line);
      return null;
    }
    const fields = splitFields(line);
    if (fields.length !== RPPS_COLUMN_COUNT) {
      this.warn('malformed-row', `expected ${RPPS_COLUMN_COUNT} fields, found ${fields.length}`);
      return null;
    }
    const get = (column: RppsColumn): string | null => cell(fields, column);
    const rpps = get('Identifiant PP');
    if (rpps === null) {
      this.warn('missing-identifier', 'the row has no "Identifiant PP"');
      return null;
    }
    const activity = toActivity(this.lineNumber, get);
    if (this.current !== null && this.current.person.rpps === rpps) {
      this.checkSameIdentity(this.current.person, get);
      this.current.activities.push(activity);
      return null;
    }
    const done = this.flush();
    this.current = { person: this.toPerson(rpps, get), activities: [activity] };
    return done;
  }

  /** The last person; throws when the input did not even have a header. */
  end(): RppsPerson | null {
    if (this.lineNumber === 0) throw new RppsHeaderError(1, RPPS_EXTRACTION_COLUMNS[0], null);
    return this.flush();
  }

  private flush(): RppsPerson | null {
    const done = this.current;
    this.current = null;
    return done === null ? null : { ...done.person, activities: done.activities };
  }

  private toPerson(rpps: string, get: (column: RppsColumn) => string | null): Omit<RppsPerson, 'activities'> {
    const identifierType = get("Type d'identifiant PP") ?? '';
    const check = checkRpps(rpps);
    if (!check.valid) {
      // Kept, not dropped: the national file carries test identities whose key is wrong on purpose,
      // and the importer decides what to do with them.
      this.warn(
        'bad-rpps-key',
        `identifier ${rpps} (type ${identifierType || '?'}) fails the RPPS check: ${check.reason ?? ''}`,
        rpps,
      );
    }
    return {
      identifierType,
      rpps,
      nationalId: get('Identification nationale PP') ?? '',
      rppsKeyValid: check.valid,
      civility: coded(get('Code civilité'), get('Libellé civilité')),
      practiceCivility: coded(get("Code civilité d'exercice"), get("Libellé civilité d'exercice")),
      lastName: get("Nom d'exercice") ?? '',
      firstName: get("Prénom d'exercice") ?? '',
      profession: coded(get('Code profession'), get('Libellé profession')),
      firstLine: this.lineNumber,
    };
  }

  /** Identity is repeated on every activity row; a difference means the file is inconsistent, not that we should guess. */
  private checkSameIdentity(
    person: Omit<RppsPerson, 'activities'>,
    get: (column: RppsColumn) => string | null,
  ): void {
    const lastName = get("Nom d'exercice") ?? '';
    const firstName = get("Prénom d'exercice") ?? '';
    const profession = get('Code profession');
    if (
      lastName !== person.lastName ||
      firstName !== person.firstName ||
      profession !== (person.profession?.code ?? null)
    ) {
      this.warn(
        'inconsistent-identity',
        `name or profession differs from line ${person.firstLine} for the same identifier; the first row's values are kept`,
        person.rpps,
      );
    }
  }

  private warn(kind: RppsWarningKind, message: string, rpps?: string): void {
    this.onWarning(
      rpps === undefined
        ? { kind, line: this.lineNumber, message }
        : { kind, line: this.lineNumber, message, rpps },
    );
  }
}

function cell(fields: readonly string[], column: RppsColumn): string | null {
  const value = (fields[rppsColumnIndex(column)] ?? '').trim();
  return value === '' ? null : value;
}

function coded(code: string | null, label: string | null): RppsCoded | null {
  if (code === null && label === null) return null;
  return { code: code ?? '', label: label ?? '' };
}

function toActivity(line: number, get: (column: RppsColumn) => string | null): RppsActivity {
  const savoirFaire = coded(get('Code savoir-faire'), get('Libellé savoir-faire'));
  const sfCode = savoirFaire?.code ?? '';
  return {
    line,
    category: coded(get('Code catégorie professionnelle'), get('Libellé catégorie professionnelle')),
    practiceMode: coded(get('Code mode exercice'), get('Libellé mode exercice')),
    savoirFaireType: coded(get('Code type savoir-faire'), get('Libellé type savoir-faire')),
    savoirFaire,
    specialty: isSpecialty(sfCode) ? sfCode : null,
    finessSite: get('Numéro FINESS site'),
    finessLegal: get('Numéro FINESS établissement juridique'),
    structureName: get('Raison sociale site') ?? get('Enseigne commerciale site'),
    postcode: get('Code postal (coord. structure)'),
    communeCode: get('Code commune (coord. structure)'),
    communeLabel: get('Libellé commune (coord. structure)'),
    departementCode: get('Code Département (structure)'),
    email: get('Adresse e-mail (coord. structure)'),
    role: coded(get('Code rôle'), get('Libellé rôle')),
    sector: coded(get("Code secteur d'activité"), get("Libellé secteur d'activité")),
  };
}

export interface ReadRppsOptions {
  /** Required on purpose: a caller cannot forget that some rows were not clean. */
  readonly onWarning: (warning: RppsWarning) => void;
}

/**
 * One record per person, in file order. Each person is yielded before the next line is pulled, so
 * the reader never holds more than one person's rows plus the one row that showed the person ended.
 * Rows of one identifier that are not consecutive come out as two records: the importer must upsert.
 */
export async function* readRppsExtraction(
  lines: AsyncIterable<string> | Iterable<string>,
  options: ReadRppsOptions,
): AsyncGenerator<RppsPerson, void, undefined> {
  const parser = new RppsExtractionParser(options.onWarning);
  for await (const line of lines) {
    const person = parser.pushLine(line);
    if (person !== null) yield person;
  }
  const last = parser.end();
  if (last !== null) yield last;
}
