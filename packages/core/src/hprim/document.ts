/**
 * One document: 12 header lines by position, free text, then the LAB section, up to `****FIN****`.
 * Its text, results and warnings are collected line by line, then closed into an HprimDocument.
 */
import { HPRIM_HEADER_LINE_COUNT, readHprimHeader, type HeaderLine } from './header.ts';
import { HPRIM_TAGS, isBlankLine, readTag, tagCaseWarning } from './lines.ts';
import { readHprimResult } from './results.ts';
import { hprimWarning } from './warnings.ts';
import type { HprimDocument, HprimResult, HprimWarning } from './types.ts';

/** A document while its lines are being read. */
export interface OpenDocument {
  readonly headerLines: HeaderLine[];
  readonly textLines: string[];
  /** TEX text and unexpected lines of the LAB section, appended to the text at the end. */
  readonly labText: string[];
  readonly results: HprimResult[];
  readonly warnings: HprimWarning[];
  header: ReturnType<typeof readHprimHeader> | null;
}

export function openDocument(): OpenDocument {
  return { headerLines: [], textLines: [], labText: [], results: [], warnings: [], header: null };
}

/** Reads one document from line index `start`; returns where the next one may start. */
export function readDocument(
  lines: readonly string[],
  start: number,
  doc: OpenDocument,
  now: Date,
): { next: number; finFichierLine: number | null } {
  let state: 'header' | 'text' | 'lab' = 'header';
  const finishHeader = (tagLine: number | null, what: string) => {
    doc.header = readHprimHeader(doc.headerLines, now);
    doc.warnings.push(...doc.header.warnings);
    if (doc.headerLines.length < HPRIM_HEADER_LINE_COUNT) {
      const message = `the document has ${doc.headerLines.length} header lines before ${what}, 12 expected`;
      doc.warnings.push(hprimWarning('HPRIM_HEADER_SHORT', tagLine, message));
    }
  };
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const number = i + 1;
    const tag = readTag(line);
    if (tag !== null) {
      if (state === 'header') finishHeader(number, HPRIM_TAGS[tag.tag]);
      const caseWarning = tagCaseWarning(tag, number);
      if (caseWarning) doc.warnings.push(caseWarning);
      if (tag.tag === 'FIN') return { next: i + 1, finFichierLine: null };
      if (tag.tag === 'FINFICHIER') {
        doc.warnings.push(
          hprimWarning('HPRIM_FIN_MISSING', number, 'the document is not closed by ****FIN****'),
        );
        return { next: i + 1, finFichierLine: number };
      }
      if (state === 'lab') {
        doc.warnings.push(
          hprimWarning('HPRIM_TAG_ORDER', number, 'a second ****LAB**** in the same document'),
        );
      } else if (doc.headerLines.length === 0) {
        doc.warnings.push(
          hprimWarning('HPRIM_TAG_ORDER', number, 'a ****LAB**** section with no document header'),
        );
      }
      state = 'lab';
      continue;
    }
    if (state === 'header') {
      doc.headerLines.push({ text: line, number });
      if (doc.headerLines.length === HPRIM_HEADER_LINE_COUNT) {
        finishHeader(null, 'the text');
        state = 'text';
      }
    } else if (state === 'text') {
      doc.textLines.push(line);
    } else {
      readLabLine(line, number, doc);
    }
  }
  if (state === 'header') finishHeader(null, 'the end of the file');
  doc.warnings.push(
    hprimWarning('HPRIM_FIN_MISSING', null, 'the file ends inside a document: ****FIN**** is missing'),
  );
  return { next: lines.length, finFichierLine: null };
}

/** RES → a result; TEX → its text; blank → dropped; anything else → kept as text, reported. */
function readLabLine(line: string, number: number, doc: OpenDocument): void {
  if (isBlankLine(line)) return;
  const pipe = line.indexOf('|');
  const kind = pipe < 0 ? '' : line.slice(0, pipe).trim();
  const upper = kind.toUpperCase();
  if (upper !== 'RES' && upper !== 'TEX') {
    doc.labText.push(line);
    const message = 'a line of the LAB section is neither RES nor TEX: kept in the text';
    doc.warnings.push(hprimWarning('HPRIM_LAB_LINE', number, message));
    return;
  }
  if (kind !== upper) {
    doc.warnings.push(hprimWarning('HPRIM_TAG_CASE', number, `the line tag "${kind}" is not in upper case`));
  }
  const rest = line.slice(pipe + 1);
  if (upper === 'TEX') {
    doc.labText.push(rest);
    return;
  }
  const read = readHprimResult(rest.split('|'), number);
  doc.results.push(read.result);
  doc.warnings.push(...read.warnings);
}

/**
 * The LAB section's text goes after the pre-LAB text, one blank line between them (none is added
 * when the text already ends with a blank line, or is empty).
 */
export function closeDocument(doc: OpenDocument, now: Date): HprimDocument {
  const header = (doc.header ?? readHprimHeader(doc.headerLines, now)).header;
  let text = doc.textLines.join('\n');
  if (doc.labText.length > 0) {
    const lab = doc.labText.join('\n');
    if (text === '') text = lab;
    else text += (text.endsWith('\n') ? '\n' : '\n\n') + lab;
  }
  return { header, text, results: doc.results, warnings: doc.warnings };
}
