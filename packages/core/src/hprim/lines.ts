/**
 * Lines and tags. Files mix CRLF and LF (concatenated by scripts), pad lines with spaces, and some
 * writers lower-case the tags; the reader takes all of that.
 */

import { hprimWarning } from './warnings.ts';
import type { HprimWarning } from './types.ts';

export type HprimTag = 'LAB' | 'FIN' | 'FINFICHIER';

export const HPRIM_TAGS: Readonly<Record<HprimTag, string>> = {
  LAB: '****LAB****',
  FIN: '****FIN****',
  FINFICHIER: '****FINFICHIER****',
};

const TAG_BY_TEXT: ReadonlyMap<string, HprimTag> = new Map(
  Object.entries(HPRIM_TAGS).map(([tag, text]) => [text, tag as HprimTag]),
);

/**
 * Split on LF, dropping the CR of CRLF; a lone CR inside a line is kept (no HPRIM writer ends lines
 * with CR alone, and a stray one is content). A final line ending does not start an extra line. A
 * leading BOM (U+FEFF, e.g. in a string read by other code) is dropped.
 */
export function splitHprimLines(text: string): string[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body === '') return [];
  const lines = body.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (body.endsWith('\n')) lines.pop();
  return lines;
}

export interface TagMatch {
  readonly tag: HprimTag;
  /** False when the tag was written in another case; surrounding spaces do not count. */
  readonly exactCase: boolean;
}

/** A tag is the whole line once trimmed, in any case: `****lab****` counts, `**** LAB ****` does not. */
export function readTag(line: string): TagMatch | null {
  const trimmed = line.trim();
  const tag = TAG_BY_TEXT.get(trimmed.toUpperCase());
  return tag === undefined ? null : { tag, exactCase: TAG_BY_TEXT.has(trimmed) };
}

/** HPRIM_TAG_CASE for a tag written in another case, else null. */
export function tagCaseWarning(tag: TagMatch, line: number): HprimWarning | null {
  if (tag.exactCase) return null;
  return hprimWarning('HPRIM_TAG_CASE', line, `the tag ${HPRIM_TAGS[tag.tag]} is not in upper case`);
}

/** Whitespace, and the Ctrl-Z (0x1A) that DOS-era writers put at the very end of a file. */
export function isBlankLine(line: string): boolean {
  for (const char of line) {
    if (char !== '\u001A' && char.trim() !== '') return false;
  }
  return true;
}

/** Line breaks inside a one-line field would shift every line after it: written as a space. */
export function oneLine(value: string): string {
  return value.replace(/\r\n|\r|\n/g, ' ');
}

/**
 * A header or text line that would read back as a tag would end the document early: it gets a
 * space after its first four asterisks, which keeps it legible and makes it plain text.
 */
export function notATag(line: string): string {
  if (readTag(line) === null) return line;
  const at = line.indexOf('****') + 4;
  return `${line.slice(0, at)} ${line.slice(at)}`;
}
