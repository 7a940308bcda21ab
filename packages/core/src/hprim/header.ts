/**
 * The 12 header lines, read and written. Positions are strict: HPRIM has no labels, so a missing
 * line shifts everything after it, and an empty line is how a writer says "unknown".
 */
import { readHprimDate, writeHprimDate, type HprimDateKind } from './dates.ts';
import { notATag, oneLine } from './lines.ts';
import { readHprimNir } from './nir.ts';
import { hprimWarning } from './warnings.ts';
import type { HprimHeader, HprimHeaderInput, HprimWarning } from './types.ts';

export const HPRIM_HEADER_LINE_COUNT = 12;

/** Five digits, or Corsican 2A/2B and three digits as some software writes them. */
const POSTCODE = /^(?:[0-9]{5}|2[AB][0-9]{3})$/i;

export function isHprimPostcode(value: string): boolean {
  return POSTCODE.test(value);
}

export const EMPTY_HPRIM_HEADER: HprimHeader = {
  patientId: null,
  lastName: null,
  firstName: null,
  address1: null,
  address2: null,
  postalCode: null,
  city: null,
  birthDate: null,
  nir: null,
  fileNumber: null,
  documentDate: null,
  sender: null,
  recipient: null,
};

export interface HeaderLine {
  readonly text: string;
  /** 1-based line number in the file. */
  readonly number: number;
}

function field(line: HeaderLine | undefined): string | null {
  const trimmed = line?.text.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Line 6, `75012 PARIS`: the first word is the postcode when it looks like one. */
function readPlace(
  line: HeaderLine | undefined,
  warnings: HprimWarning[],
): { postalCode: string | null; city: string | null } {
  const whole = field(line);
  if (whole === null || line === undefined) return { postalCode: null, city: null };
  const first = whole.split(/\s/, 1)[0] ?? '';
  if (isHprimPostcode(first)) {
    const city = whole.slice(first.length).trim();
    return { postalCode: first, city: city === '' ? null : city };
  }
  warnings.push(
    hprimWarning(
      'HPRIM_POSTCODE',
      line.number,
      `"${whole}" does not start with a postcode: read as the city`,
    ),
  );
  return { postalCode: null, city: whole };
}

function readDate(
  line: HeaderLine | undefined,
  kind: HprimDateKind,
  now: Date,
  warnings: HprimWarning[],
): string | null {
  const written = field(line);
  if (written === null || line === undefined) return null;
  const date = readHprimDate(written, kind, now);
  if (date === null) {
    const what = kind === 'birth' ? 'birth date' : 'document date';
    const message = `the ${what} "${written}" is not a possible dd/mm/yyyy date`;
    warnings.push(hprimWarning('HPRIM_DATE_INVALID', line.number, message));
  }
  return date;
}

/** Reads up to 12 lines; missing ones are null (the caller reports the short header). */
export function readHprimHeader(
  lines: readonly HeaderLine[],
  now: Date,
): { header: HprimHeader; warnings: HprimWarning[] } {
  const warnings: HprimWarning[] = [];
  const at = (n: number) => lines[n - 1];
  const place = readPlace(at(6), warnings);
  const birthDate = readDate(at(7), 'birth', now, warnings);
  const nirLine = at(8);
  const nir = readHprimNir(nirLine?.text ?? null, nirLine?.number ?? null);
  warnings.push(...nir.warnings);
  const documentDate = readDate(at(10), 'other', now, warnings);
  const header: HprimHeader = {
    patientId: field(at(1)),
    lastName: field(at(2)),
    firstName: field(at(3)),
    address1: field(at(4)),
    address2: field(at(5)),
    postalCode: place.postalCode,
    city: place.city,
    birthDate,
    nir: nir.nir,
    fileNumber: field(at(9)),
    documentDate,
    sender: field(at(11)),
    recipient: field(at(12)),
  };
  return { header, warnings };
}

function text(value: string | null | undefined): string {
  return value == null ? '' : oneLine(value).trim();
}

/**
 * The 12 header lines for a header, as a letter composer puts them at the top of a body: dates as
 * dd/mm/yyyy, NIR as stored, null as an empty line. Line breaks become spaces and a value that
 * would read as a tag is defused (see notATag), so the lines always parse back in place.
 */
export function hprimHeaderLines(header: HprimHeaderInput): string[] {
  const date = (value: string | null | undefined) => writeHprimDate(text(value));
  const place = [text(header.postalCode), text(header.city)].filter((part) => part !== '').join(' ');
  return [
    text(header.patientId),
    text(header.lastName),
    text(header.firstName),
    text(header.address1),
    text(header.address2),
    place,
    date(header.birthDate),
    text(header.nir),
    text(header.fileNumber),
    date(header.documentDate),
    text(header.sender),
    text(header.recipient),
  ].map(notATag);
}
