import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Logger } from 'pino';
import { EXPORT_HEADERS, exportValues, parisWallClock, type ExportValue } from './columns.ts';
import type { PublishedEntryRow } from './publishedEntries.ts';

/** Column widths in characters, in EXPORT_HEADERS order: wide enough to read without resizing. */
const WIDTHS = [20, 18, 24, 10, 32, 10, 14, 34, 10, 34, 11, 18, 11, 20, 13, 17];

/**
 * A date cell shows the time in Paris: Excel has no time zones, it shows the stored wall-clock, so
 * the stored value is the Paris wall-clock written as if it were UTC.
 */
function xlsxValue(value: ExportValue): string | Date {
  if (!(value instanceof Date)) return value;
  const { date, time } = parisWallClock(value);
  return new Date(`${date}T${time}:00.000Z`);
}

/** Raised when the download was abandoned: nothing is wrong, the export just stops. */
class ClientGone extends Error {}

/**
 * Between pages: lets other requests run (SQLite reads are synchronous, so a page never yields by
 * itself), then waits until the client has taken what was written (or left).
 */
async function drained(out: PassThrough): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (out.destroyed) throw new ClientGone();
  if (!out.writableNeedDrain) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
  if (out.destroyed) throw new ClientGone();
}

/**
 * Entries as an XLSX stream, written with exceljs's streaming WorkbookWriter: each row is committed
 * (serialised into the zip) as soon as it is added, so memory holds a page, not the sheet. Cells are
 * written as typed text, which a spreadsheet never evaluates: no formula escaping is needed here.
 */
export function exportXlsxStream(
  pages: AsyncIterable<readonly PublishedEntryRow[]>,
  logger: Logger,
  sheetName = 'Annuaire',
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_HEADERS.map((header, i) => ({
    header,
    width: WIDTHS[i] ?? 15,
    ...(i === EXPORT_HEADERS.length - 1 ? { style: { numFmt: 'dd/mm/yyyy hh:mm' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };

  const write = async (): Promise<void> => {
    for await (const page of pages) {
      for (const row of page) sheet.addRow(exportValues(row).map(xlsxValue)).commit();
      // The writer does not wait for the client: pause between pages while the download catches up.
      await drained(out);
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((err: unknown) => {
    if (err instanceof ClientGone) return;
    logger.error({ err }, 'directory XLSX export failed');
    out.destroy(err instanceof Error ? err : new Error('XLSX export failed'));
  });
  return out;
}
