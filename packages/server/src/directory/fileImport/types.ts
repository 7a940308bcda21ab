import type { MailboxKind } from '@liaison/core/api/common';
import type { DirectoryEntryFields } from '@liaison/core/api/directory';

/** What a column of the file can feed; the mailbox columns feed the entry's main (first) mailbox. */
export const COLUMN_FIELDS = [
  'lastName',
  'firstName',
  'serviceName',
  'specialty',
  'profession',
  'mailboxAddress',
  'mailboxKind',
  'departement',
  'groupName',
  'nationalId',
  'acceptsAttachments',
  'unlisted',
  'proxyUser',
] as const;
export type ColumnField = (typeof COLUMN_FIELDS)[number];

/** A row that passed every check, ready to be proposed as a directory entry. */
export interface ParsedRow {
  /** 1-based line (CSV) or row (XLSX) number as the user sees it; the header is line 1. */
  line: number;
  fields: DirectoryEntryFields;
}

/** A located problem: the row is left out of `rows`, the others are kept. */
export interface RowError {
  line: number;
  /** The header text as written in the file, when the problem is about one column. */
  column: string | null;
  code: string;
  message: string;
}

export interface ParsedColumn {
  header: string;
  /** null: the column is not understood and its cells are ignored. */
  mappedTo: ColumnField | null;
}

export interface ParsedFile {
  format: 'csv' | 'xlsx';
  /** null for xlsx, whose text encoding is fixed by the format. */
  encoding: 'utf-8' | 'windows-1252' | null;
  separator: ';' | ',' | '\t' | null;
  columns: ParsedColumn[];
  rows: ParsedRow[];
  /** Empty when every row is good. */
  errors: RowError[];
  /** Data rows seen, not counting the header and fully blank lines. */
  totalRows: number;
}

export interface ParseOptions {
  /** Mailbox kind for rows that do not say; otherwise PER for a person, ORG for a service. */
  defaultMailboxKind?: MailboxKind;
  /** More data rows than this refuses the whole file (FILE_TOO_LARGE). */
  maxRows?: number;
}

/**
 * A cell as a reader hands it over, before it is tied to a field: text, a number (XLSX only, so that
 * a département 1 can become "01"), or a value refused by the reader itself (an XLSX formula).
 */
export type SheetCell = string | number | RefusedCell;
export interface RefusedCell {
  refused: { code: string; message: string };
}
