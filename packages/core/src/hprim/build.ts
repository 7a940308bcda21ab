/**
 * Writing HPRIM: what practice software expects to import, CRLF line endings included. Values are
 * written as given (dates as dd/mm/yyyy); only what would break the layout is changed, and in a way
 * that reads back in place (see hprimHeaderLines and hprimResultLine).
 */
import { hprimHeaderLines } from './header.ts';
import { HPRIM_TAGS, notATag } from './lines.ts';
import { hprimResultLine } from './results.ts';
import type { HprimDocumentInput } from './types.ts';

export interface HprimBuildOptions {
  /** CRLF unless told otherwise: several importers still split on CRLF only. */
  readonly lineEnding?: '\r\n' | '\n';
}

/** Free text as lines; an empty text writes no line at all. */
function textLines(text: string | undefined): string[] {
  if (text === undefined || text === '') return [];
  return text.split(/\r\n|\r|\n/).map(notATag);
}

export function hprimDocumentLines(doc: HprimDocumentInput): string[] {
  const results = doc.results ?? [];
  return [
    ...hprimHeaderLines(doc.header),
    ...textLines(doc.text),
    ...(results.length > 0 ? [HPRIM_TAGS.LAB, ...results.map(hprimResultLine)] : []),
    HPRIM_TAGS.FIN,
  ];
}

/** A whole file: each document closed by ****FIN****, then ****FINFICHIER****, then a line ending. */
export function buildHprim(
  documents: readonly HprimDocumentInput[],
  options: HprimBuildOptions = {},
): string {
  const eol = options.lineEnding ?? '\r\n';
  const lines = [...documents.flatMap(hprimDocumentLines), HPRIM_TAGS.FINFICHIER];
  return lines.join(eol) + eol;
}
