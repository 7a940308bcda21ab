/**
 * XLSX → rows for the collector, with exceljs (which reads .xlsx only; legacy .xls is refused
 * earlier). The first worksheet is read; its first non-empty row is the header; row numbers are
 * Excel's own, as the user sees them.
 */
import ExcelJS from 'exceljs';
import { fail } from '../../errors.ts';
import type { EntryCollector } from './collector.ts';
import type { SheetCell } from './types.ts';

const FORMULA_REFUSED: SheetCell = {
  refused: {
    code: 'FORMULA_REFUSED',
    message: 'The cell holds a formula: formulas are refused (copy the column and paste it as values).',
  },
};

function richText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'richText' in value && Array.isArray(value.richText)) {
    return value.richText
      .map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  return '';
}

/** An exceljs value as text, a number, or a refusal; hyperlinks give their text (emails often are). */
function sheetCell(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('formula' in value || 'sharedFormula' in value) return FORMULA_REFUSED;
  if ('error' in value) {
    return { refused: { code: 'INVALID', message: `The cell shows the spreadsheet error ${value.error}.` } };
  }
  if ('hyperlink' in value) {
    // The display text can itself be rich text; an empty one leaves the link (mailto:…) to read.
    const text = richText(value.text);
    return text !== '' ? text : value.hyperlink.replace(/^mailto:/i, '');
  }
  if ('richText' in value) return richText(value);
  return '';
}

export async function readXlsx(
  bytes: Uint8Array,
  fileName: string,
  collector: EntryCollector,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer (JSZip reads either): hand it a copy of exactly the
    // bytes, at most MAX_XLSX_BYTES.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    fail(
      'FILE_FORMAT_UNSUPPORTED',
      `${fileName} looks like an .xlsx workbook but cannot be read (damaged?): open it in Excel or LibreOffice and save it again as .xlsx or CSV.`,
      { fileName },
    );
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return; // no worksheet: the collector reports an empty file
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(sheetCell(row.getCell(column).value));
    if (collector.hasHeader) collector.addRow(cells, rowNumber);
    else collector.offerHeader(cells);
  });
}
