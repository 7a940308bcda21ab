/**
 * What goes into a letter, from the files given to `liaison send`: the text (an HPRIM file in any of
 * its three encodings, or UTF-8 text), its category, the patient for the encrypted summary, a default
 * subject, and the attachments. Everything is read and checked before the network is touched, so a
 * bad file is refused at once.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { MailCategory } from '@liaison/core/api/mail';
import {
  decodeHprim,
  HPRIM_STRUCTURAL_CODES,
  HprimUnreadableError,
  parseHprim,
  validateHprimHeader,
  type HprimHeader,
  type HprimParseResult,
  type HprimWarning,
} from '@liaison/core/hprim/index';
import type { LetterAttachment, LetterSummary } from '@liaison/core/mail/index';
import { CliFailure } from '../failure.ts';
import { contentTypeOf } from './contentTypes.ts';

export interface LetterContent {
  /** LF line ends (the letter builder writes CRLF). */
  text: string;
  category: MailCategory;
  patient: LetterSummary['patient'];
  /**
   * Patients the letter is about, declared to the server for the bulk-mail rules (one-patient letters
   * are exempt from the hourly rule): the distinct patients of the HPRIM documents, so a file with
   * several documents about one patient (a report and its results) stays an ordinary letter.
   */
  patients: number;
  defaultSubject: string;
  /** Tolerated oddities of the HPRIM file, shown to the sender as warnings. */
  warnings: HprimWarning[];
}

/** Longest default subject taken from a plain letter's first line. */
const SUBJECT_MAX_CHARS = 78;

function readFile(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (err) {
    throw new CliFailure('FILE_UNREADABLE', `cannot read ${path}: ${(err as Error).message}`);
  }
}

const toLf = (text: string): string => text.replace(/\r\n?/g, '\n');

function warningText(w: HprimWarning): string {
  return `line ${w.line ?? '-'}: ${w.code} ${w.message}`;
}

function invalid(file: string, problems: readonly HprimWarning[] | string): CliFailure {
  const what = typeof problems === 'string' ? problems : problems.map(warningText).join('; ');
  return new CliFailure('HPRIM_INVALID', `${file}: ${what}`);
}

/**
 * What a recipient needs to file the letter under the right patient: surname, first name and a
 * readable birth date (the reader turns an impossible date into null, which the check then reports).
 */
function headerProblems(header: HprimHeader): HprimWarning[] {
  return validateHprimHeader(header).filter(
    (w) => w.code === 'HPRIM_FIELD_REQUIRED' || (w.code === 'HPRIM_DATE_INVALID' && w.line === 7),
  );
}

const patientOf = (h: HprimHeader): NonNullable<LetterSummary['patient']> => ({
  lastName: h.lastName,
  firstName: h.firstName,
  birthDate: h.birthDate,
});

function patientKey(h: HprimHeader): string {
  return JSON.stringify([h.lastName?.toUpperCase(), h.firstName?.toUpperCase(), h.birthDate]);
}

function patientSubject(kind: string, h: HprimHeader): string {
  return `${kind} – ${(h.lastName ?? '').toUpperCase()} ${h.firstName ?? ''}`.trim();
}

/** An HPRIM file as a patient letter; malformed or without a patient → HPRIM_INVALID. */
export function hprimContent(file: string): LetterContent {
  const bytes = readFile(file);
  let parsed: HprimParseResult;
  try {
    parsed = parseHprim(bytes);
  } catch (err) {
    if (err instanceof HprimUnreadableError) throw invalid(file, err.message);
    throw err;
  }
  const all = [...parsed.documents.flatMap((d) => d.warnings), ...parsed.warnings];
  const structural = all.filter((w) => HPRIM_STRUCTURAL_CODES.has(w.code));
  const first = parsed.documents[0];
  if (!first) throw invalid(file, structural.length > 0 ? structural : 'no document in the file');
  const missing = parsed.documents.flatMap((d) => headerProblems(d.header));
  if (!parsed.valid || missing.length > 0) throw invalid(file, [...structural, ...missing]);
  // One letter is filed under one patient: a file holding several patients' documents would land
  // whole in the first one's record.
  const patients = new Set(parsed.documents.map((d) => patientKey(d.header)));
  if (patients.size > 1) {
    throw invalid(file, `it holds documents for ${patients.size} patients: send one file per patient`);
  }
  // parseHprim detected the encoding; the text goes into the letter as it is (UTF-8 there).
  const text = toLf(decodeHprim(bytes, parsed.encoding ?? undefined).text);
  const kind = parsed.documents.some((d) => d.results.length > 0) ? 'Résultats' : 'Courrier';
  return {
    text,
    category: 'patient',
    patient: patientOf(first.header),
    patients: patients.size,
    defaultSubject: patientSubject(kind, first.header),
    warnings: all.filter((w) => !HPRIM_STRUCTURAL_CODES.has(w.code)),
  };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A plain UTF-8 letter. As a patient letter it must start with the 12-line HPRIM header (the tags
 * that close a file are not required of a typed letter).
 */
export function bodyContent(file: string, category: MailCategory): LetterContent {
  let text: string;
  try {
    text = toLf(strictUtf8.decode(readFile(file)));
  } catch (err) {
    if (err instanceof CliFailure) throw err;
    throw new CliFailure(
      'BODY_NOT_UTF8',
      `${file} is not UTF-8 text`,
      1,
      'An HPRIM file in Windows-1252 or ISO-8859-1 goes with --hprim-file, which detects its encoding.',
    );
  }
  if (category === 'patient') {
    let header: HprimHeader | undefined;
    try {
      header = parseHprim(text).documents[0]?.header;
    } catch (err) {
      if (err instanceof HprimUnreadableError) throw invalid(file, err.message);
      throw err;
    }
    const missing = header ? headerProblems(header) : [];
    if (!header || missing.length > 0) throw invalid(file, missing.length > 0 ? missing : 'no HPRIM header');
    return {
      text,
      category,
      patient: patientOf(header),
      patients: 1,
      defaultSubject: patientSubject('Courrier', header),
      warnings: [],
    };
  }
  const firstLine =
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? '';
  const chars = Array.from(firstLine);
  const subject =
    chars.length > SUBJECT_MAX_CHARS ? chars.slice(0, SUBJECT_MAX_CHARS - 1).join('') + '…' : firstLine;
  return {
    text,
    category,
    patient: null,
    patients: 0,
    defaultSubject: subject || basename(file),
    warnings: [],
  };
}

/** Attachments under their own file names (no directories: they are the sender's business). */
export function readAttachments(files: readonly string[]): LetterAttachment[] {
  return files.map((file) => {
    const filename = basename(file);
    return { filename, contentType: contentTypeOf(filename), content: readFile(file) };
  });
}
