import type { MailCategory } from '@liaison/core/api/mail';
import {
  buildHprim,
  hprimResultLine,
  parseHprim,
  type HprimHeader,
  type HprimHeaderInput,
  type HprimResult,
  type HprimWarning,
} from '@liaison/core/hprim/index';

/**
 * The text of a letter, both ways: what the compose form turns into an HPRIM document, and what a
 * delivered letter shows (patient banner, lab table, free text). Pure functions, tested in
 * test/mailLetterText.test.ts.
 */

const tag = (name: string) => new RegExp(`^\\s*\\*{4}${name}\\*{4}\\s*$`, 'i');
const LAB = tag('LAB');
const CLOSING = [tag('FIN'), tag('FINFICHIER')];
const isClosing = (line: string) => CLOSING.some((re) => re.test(line));

function lines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

function withoutTrailingBlanks(list: string[]): string[] {
  const out = [...list];
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
  return out;
}

/**
 * Results pasted into the text after a `****LAB****` line (RES and TEX lines, as lab software prints
 * them), read with the HPRIM reader itself: a document of 12 empty header lines around them.
 */
function readPastedLab(labLines: string[]): { results: readonly HprimResult[]; text: string } {
  const file = [
    ...Array<string>(12).fill(''),
    '****LAB****',
    ...labLines,
    '****FIN****',
    '****FINFICHIER****',
  ];
  const doc = parseHprim(file.join('\n')).documents[0];
  return { results: doc?.results ?? [], text: doc?.text ?? '' };
}

/**
 * A patient letter's text: the 12 HPRIM header lines, the free text, and, when the writer pasted a
 * `****LAB****` section, its results as RES lines so the recipient sees a lab table; then `****FIN****`
 * and `****FINFICHIER****`. A pasted document may bring its own closing tags: what follows them is kept
 * as text, never dropped. LF line ends (the letter builder makes them CRLF on the wire).
 */
export function patientLetterText(header: HprimHeaderInput, text: string): string {
  const all = lines(text);
  const labAt = all.findIndex((line) => LAB.test(line));
  if (labAt < 0) {
    return buildHprim([{ header, text: withoutTrailingBlanks(all).join('\n') }], { lineEnding: '\n' });
  }
  const rest = all.slice(labAt + 1);
  const endAt = rest.findIndex(isClosing);
  const labLines = endAt < 0 ? rest : rest.slice(0, endAt);
  const after = endAt < 0 ? [] : rest.slice(endAt + 1).filter((line) => !isClosing(line));
  const lab = readPastedLab(labLines);
  const textLines = [...all.slice(0, labAt), ...(lab.text === '' ? [] : lines(lab.text)), ...after];
  return buildHprim([{ header, text: withoutTrailingBlanks(textLines).join('\n'), results: lab.results }], {
    lineEnding: '\n',
  });
}

/** How many RES lines the text's pasted `****LAB****` section holds (shown in the compose form). */
export function pastedResultCount(text: string): number {
  const all = lines(text);
  const labAt = all.findIndex((line) => LAB.test(line));
  if (labAt < 0) return 0;
  const rest = all.slice(labAt + 1);
  const endAt = rest.findIndex(isClosing);
  return readPastedLab(endAt < 0 ? rest : rest.slice(0, endAt)).results.length;
}

/** One document of a delivered letter: a plain message is one document without header. */
export interface LetterDocument {
  header: HprimHeader | null;
  text: string;
  results: readonly HprimResult[];
  warnings: readonly HprimWarning[];
}

/**
 * What a delivered letter shows. A patient letter is read as HPRIM (tolerantly: oddities become
 * warnings, nothing is lost); anything unreadable as HPRIM is shown as the plain text it is.
 */
export function readLetterDocuments(text: string, category: MailCategory): LetterDocument[] {
  const plain: LetterDocument[] = [{ header: null, text: text.trimEnd(), results: [], warnings: [] }];
  // A notice is a patient letter too (same HPRIM header).
  if (category === 'information') return plain;
  try {
    const parsed = parseHprim(text);
    if (parsed.documents.length === 0) return plain;
    return parsed.documents.map((doc) => ({
      header: doc.header,
      text: doc.text.trimEnd(),
      results: doc.results,
      warnings: doc.warnings,
    }));
  } catch {
    return plain;
  }
}

/**
 * A document's text as a writer would type it again (reply, forward): the free text, then its results
 * as a `****LAB****` section, which the compose form turns back into RES lines.
 */
export function documentBody(doc: LetterDocument): string {
  if (doc.results.length === 0) return doc.text;
  const lab = ['****LAB****', ...doc.results.map(hprimResultLine)].join('\n');
  return doc.text === '' ? lab : `${doc.text}\n\n${lab}`;
}

/** How far a result lies outside its range, from the HPRIM flag (L, H, LL, HH, N). */
export type ResultLevel = 'low' | 'high' | 'veryLow' | 'veryHigh' | 'normal';

export function resultLevel(flag: string | null): ResultLevel | null {
  switch (flag?.trim().toUpperCase() ?? '') {
    case 'L':
      return 'low';
    case 'H':
      return 'high';
    case 'LL':
      return 'veryLow';
    case 'HH':
      return 'veryHigh';
    case 'N':
      return 'normal';
    default:
      return null;
  }
}

export function isAbnormal(level: ResultLevel | null): boolean {
  return level !== null && level !== 'normal';
}
