/**
 * Reading an HPRIM file: documents of 12 header lines, free text, an optional `****LAB****` section,
 * each closed by `****FIN****`, the file closed by `****FINFICHIER****`.
 *
 * The reader is tolerant and loses nothing: whatever it cannot place is kept in the text or quoted
 * in a warning, and the file is only marked invalid when its tags cannot be trusted (missing, out of
 * order, or followed by content), which is when a document may have been cut or merged.
 */
import { decodeHprim } from './encoding.ts';
import { closeDocument, openDocument, readDocument, type OpenDocument } from './document.ts';
import { isBlankLine, readTag, splitHprimLines, tagCaseWarning, type TagMatch } from './lines.ts';
import { HprimUnreadableError } from './unreadable.ts';
import { HPRIM_STRUCTURAL_CODES, hprimWarning } from './warnings.ts';
import type { HprimEncoding, HprimParseResult, HprimWarning } from './types.ts';

export interface HprimParseOptions {
  /** Skip detection and read the bytes in this encoding. */
  readonly encoding?: HprimEncoding;
  /** The day two-digit birth years are placed before; defaults to now. */
  readonly now?: Date;
}

export function parseHprim(input: Uint8Array | string, options: HprimParseOptions = {}): HprimParseResult {
  const now = options.now ?? new Date();
  if (typeof input === 'string') {
    const nul = input.indexOf('\u0000');
    if (nul >= 0) throw new HprimUnreadableError(`not text: NUL character at offset ${nul}`);
    return readLines(splitHprimLines(input), null, [], now);
  }
  const decoded = decodeHprim(input, options.encoding);
  const first: HprimWarning[] = decoded.lossy
    ? [
        hprimWarning(
          'HPRIM_ENCODING_LOSSY',
          null,
          `the file is not valid ${decoded.encoding}: unreadable bytes were replaced by U+FFFD`,
        ),
      ]
    : [];
  return readLines(splitHprimLines(decoded.text), decoded.encoding, first, now);
}

function readLines(
  lines: readonly string[],
  encoding: HprimEncoding | null,
  initial: readonly HprimWarning[],
  now: Date,
): HprimParseResult {
  const documents: OpenDocument[] = [];
  /** File-level warnings before the first document is opened. */
  const pending: HprimWarning[] = [...initial];
  const fileWarning = (w: HprimWarning) => (documents.at(-1)?.warnings ?? pending).push(w);
  const tagCase = (tag: TagMatch, number: number) => {
    const warning = tagCaseWarning(tag, number);
    if (warning) fileWarning(warning);
  };

  let i = 0;
  let finFichierLine: number | null = null;
  while (i < lines.length && finFichierLine === null) {
    // Between documents: only blank lines up to FINFICHIER (or the end) means there is none left.
    let next = i;
    while (next < lines.length && isBlankLine(lines[next] ?? '')) next++;
    if (next === lines.length) break;
    const lookahead = readTag(lines[next] ?? '');
    if (lookahead?.tag === 'FINFICHIER') {
      tagCase(lookahead, next + 1);
      finFichierLine = next + 1;
      i = next + 1;
      break;
    }
    const startTag = readTag(lines[i] ?? '');
    if (startTag?.tag === 'FIN') {
      tagCase(startTag, i + 1);
      fileWarning(hprimWarning('HPRIM_TAG_ORDER', i + 1, 'a ****FIN**** closes no document'));
      i++;
      continue;
    }
    const doc = openDocument();
    doc.warnings.push(...pending.splice(0));
    documents.push(doc);
    const end = readDocument(lines, i, doc, now);
    i = end.next;
    if (end.finFichierLine !== null) finFichierLine = end.finFichierLine;
  }

  if (finFichierLine === null) {
    fileWarning(
      hprimWarning('HPRIM_FINFICHIER_MISSING', null, 'the file does not end with ****FINFICHIER****'),
    );
  } else {
    reportTrailing(lines, i, fileWarning);
  }

  const finished = documents.map((doc) => closeDocument(doc, now));
  const all = [...finished.flatMap((d) => d.warnings), ...pending];
  return {
    valid: !all.some((w) => HPRIM_STRUCTURAL_CODES.has(w.code)),
    encoding,
    documents: finished,
    warnings: pending,
  };
}

/** Anything but whitespace after FINFICHIER is quoted whole in one warning. */
function reportTrailing(lines: readonly string[], from: number, warn: (w: HprimWarning) => void): void {
  const rest = lines.slice(from);
  const first = rest.findIndex((line) => !isBlankLine(line));
  if (first < 0) return;
  let last = rest.length - 1;
  while (isBlankLine(rest[last] ?? '')) last--;
  const content = rest.slice(first, last + 1).join('\n');
  const message = `content after ****FINFICHIER****: ${JSON.stringify(content)}`;
  warn(hprimWarning('HPRIM_TRAILING_CONTENT', from + first + 1, message));
}
