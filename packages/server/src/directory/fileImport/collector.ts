/**
 * What both readers feed, row by row: the header first, then data rows. Keeps the counts, the row
 * limit and the one check that spans rows (the same address twice), so CSV and XLSX behave alike.
 */
import type { MailboxKind } from '@liaison/core/api/common';
import { fail } from '../../errors.ts';
import { mapHeaders, requireColumns, type ColumnMap } from './headers.ts';
import { readRow } from './rows.ts';
import type { ParsedFile, ParsedRow, RowError, SheetCell } from './types.ts';

export interface CollectorOptions {
  maxRows: number;
  defaultMailboxKind: MailboxKind | undefined;
  /**
   * CSV only: a filled cell beyond the header means a value held the separator without quotes, so
   * every later cell of that line sits in the wrong column. An XLSX cell cannot shift like that.
   */
  reportExtraCells: boolean;
}

function isBlank(cells: readonly SheetCell[]): boolean {
  return cells.every((cell) => typeof cell === 'string' && !/\S/.test(cell));
}

function headerText(cell: SheetCell | undefined): string {
  if (cell === undefined || typeof cell === 'object') return '';
  return String(cell);
}

export class EntryCollector {
  private map: ColumnMap | null = null;
  private readonly rows: ParsedRow[] = [];
  private readonly errors: RowError[] = [];
  private totalRows = 0;
  /** Main address → line where it first appeared. */
  private readonly firstLineOf = new Map<string, number>();

  constructor(private readonly options: CollectorOptions) {}

  get hasHeader(): boolean {
    return this.map !== null;
  }

  /** Takes the row as the header unless it is blank; refuses the file if required columns lack. */
  offerHeader(cells: readonly SheetCell[]): boolean {
    if (isBlank(cells)) return false;
    const map = mapHeaders(cells.map(headerText));
    requireColumns(map);
    this.map = map;
    return true;
  }

  addRow(cells: readonly SheetCell[], line: number): void {
    const map = this.map;
    if (map === null) throw new Error('addRow before the header');
    if (isBlank(cells)) return;
    this.countRow();

    const errors: RowError[] = [];
    if (this.options.reportExtraCells && cells.length > map.columns.length) {
      const extra = cells.slice(map.columns.length);
      if (!isBlank(extra)) {
        errors.push({
          line,
          column: null,
          code: 'EXTRA_CELLS',
          message: `This line has ${cells.length} cells but the header has ${map.columns.length}: a value probably contains the separator without quotes around it.`,
        });
      }
    }
    const reading = readRow(cells, line, map, { defaultMailboxKind: this.options.defaultMailboxKind });
    errors.push(...reading.errors);
    if (reading.mainAddress !== null) {
      const first = this.firstLineOf.get(reading.mainAddress);
      if (first === undefined) this.firstLineOf.set(reading.mainAddress, line);
      else {
        errors.push({
          line,
          column: reading.mainAddressColumn,
          code: 'DUPLICATE_ROW',
          message: `Line ${first} already has this address: each entry needs its own.`,
        });
      }
    }
    if (errors.length > 0) this.errors.push(...errors);
    else if (reading.fields !== null) this.rows.push({ line, fields: reading.fields });
  }

  /** A row the reader could not split into cells (a quote never closed). */
  addUnreadableRow(line: number, code: string, message: string): void {
    this.countRow();
    this.errors.push({ line, column: null, code, message });
  }

  finish(file: Pick<ParsedFile, 'format' | 'encoding' | 'separator'>): ParsedFile {
    if (this.map === null || this.totalRows === 0) {
      fail(
        'FILE_EMPTY',
        this.map === null ? 'The file is empty.' : 'The file has a header but no data rows.',
      );
    }
    return {
      ...file,
      columns: [...this.map.columns],
      rows: this.rows,
      errors: this.errors,
      totalRows: this.totalRows,
    };
  }

  private countRow(): void {
    this.totalRows++;
    if (this.totalRows > this.options.maxRows) {
      fail('FILE_TOO_LARGE', `The file has more than ${this.options.maxRows} rows: split it.`, {
        maxRows: this.options.maxRows,
      });
    }
  }
}
