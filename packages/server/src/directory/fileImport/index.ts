/**
 * Directory entry files (CSV or XLSX, as establishment admins export them) → checked entries and
 * located errors. Pure: no database, no I/O beyond the bytes given. A problem with the whole file
 * throws an AppError (FILE_*); a problem with a row is reported with its line and never throws.
 */
import { fail } from '../../errors.ts';
import { EntryCollector } from './collector.ts';
import { readCsv } from './csv.ts';
import { decodeText } from './decodeText.ts';
import { detectFormat } from './detectFormat.ts';
import { DEFAULT_MAX_ROWS } from './limits.ts';
import { detectSeparator } from './separator.ts';
import type { ParsedFile, ParseOptions } from './types.ts';
import { readXlsx } from './xlsx.ts';

export type { ColumnField, ParsedColumn, ParsedFile, ParsedRow, ParseOptions, RowError } from './types.ts';
export type { MissingColumn } from './headers.ts';

/** HTML or XML saved with a spreadsheet extension (web exports, "XML Spreadsheet 2003"). */
const MARKUP = /^\s*<(\?xml|!doctype|html|table)/i;

export async function parseDirectoryFile(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions = {},
): Promise<ParsedFile> {
  if (bytes.length === 0) fail('FILE_EMPTY', `${fileName} is empty.`);
  const maxRows =
    options.maxRows !== undefined && Number.isInteger(options.maxRows) && options.maxRows > 0
      ? options.maxRows
      : DEFAULT_MAX_ROWS;
  const format = detectFormat(bytes, fileName);
  const collector = new EntryCollector({
    maxRows,
    defaultMailboxKind: options.defaultMailboxKind,
    reportExtraCells: format === 'csv',
  });

  if (format === 'xlsx') {
    await readXlsx(bytes, fileName, collector);
    return collector.finish({ format, encoding: null, separator: null });
  }

  const { text, encoding } = decodeText(bytes, fileName);
  if (MARKUP.test(text.slice(0, 200))) {
    fail(
      'FILE_FORMAT_UNSUPPORTED',
      `${fileName} is a web page or XML file, not CSV: open it in Excel or LibreOffice and save it as .xlsx or CSV.`,
      { fileName },
    );
  }
  const { separator, hintLines } = detectSeparator(text);
  readCsv(text, separator, hintLines, collector);
  return collector.finish({ format, encoding, separator });
}
