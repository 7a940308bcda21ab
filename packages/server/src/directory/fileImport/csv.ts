/**
 * CSV text → rows for the collector. csv-parse splits records (quotes, separators and line breaks
 * inside quotes); line numbers are counted here, because its own count is off by one for each
 * CRLF inside a quoted cell. A record spans one line plus the line breaks inside its cells.
 */
import { parse } from 'csv-parse/sync';
import type { EntryCollector } from './collector.ts';
import { failUnreadableHeader } from './headers.ts';
import type { Separator } from './separator.ts';

/** Line breaks inside a value: CRLF, LF or a lone CR each count once, as editors show them. */
function lineBreaks(value: string): number {
  if (!value.includes('\n') && !value.includes('\r')) return 0;
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value.charCodeAt(i);
    if (char === 0x0a) count++;
    else if (char === 0x0d && value.charCodeAt(i + 1) !== 0x0a) count++;
  }
  return count;
}

export function readCsv(
  text: string,
  separator: Separator,
  hintLines: number,
  collector: EntryCollector,
): void {
  /** Records csv-parse could not read: their index among the records, and why. */
  const failures: { index: number; code: string }[] = [];
  const records = parse(text, {
    delimiter: separator,
    // Any of the three ends a record, so files that mix them (pasted lines) still split by line.
    record_delimiter: ['\r\n', '\n', '\r'],
    // A short row is a row with empty cells (checkEntry says what is missing), not a crash.
    relax_column_count: true,
    // A quote inside an unquoted value (Dr "Bob") is kept as text.
    relax_quotes: true,
    skip_empty_lines: false,
    // Reported as a row error below instead of throwing away the rows already read.
    skip_records_with_error: true,
    on_skip: (error) => {
      const index = typeof error?.records === 'number' ? error.records : 0;
      failures.push({ index, code: error?.code ?? 'CSV_UNKNOWN_ERROR' });
      return undefined;
    },
  });
  const failure = failures[0];

  let nextLine = 1;
  const readable = failure === undefined ? records : records.slice(0, failure.index);
  for (const cells of readable) {
    const line = nextLine;
    nextLine += 1;
    for (const cell of cells) nextLine += lineBreaks(cell);
    if (line <= hintLines) continue;
    if (collector.hasHeader) collector.addRow(cells, line);
    else collector.offerHeader(cells);
  }
  if (failure === undefined) return;

  // With the options above the only syntax error left is a quote never closed, which swallows the
  // rest of the file. Line numbers after an unreadable record cannot be trusted, so reading stops.
  const why =
    failure.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a double quote opened on this line is never closed'
      : 'it is not valid CSV';
  if (!collector.hasHeader) failUnreadableHeader(`${why}.`);
  collector.addUnreadableRow(
    nextLine,
    'UNREADABLE_LINE',
    `This line cannot be read (${why}): it and all the lines after it were skipped.`,
  );
}
