import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Logger } from 'pino';
import { csvCells, EXPORT_HEADERS, exportValues } from './columns.ts';
import type { PublishedEntryRow } from './publishedEntries.ts';

type Pages = AsyncIterable<readonly PublishedEntryRow[]> | Iterable<readonly PublishedEntryRow[]>;

async function* csvRecords(pages: Pages): AsyncGenerator<string[]> {
  yield [...EXPORT_HEADERS];
  for await (const page of pages) {
    for (const row of page) yield csvCells(exportValues(row));
  }
}

/**
 * Entries as a CSV stream for French Excel: UTF-8 with a byte-order mark (without it Excel reads the
 * accents as Windows-1252), `;` between cells (the list separator of a French locale), CRLF lines.
 * Pulled row by row: the database is read only as fast as the client downloads.
 */
export function exportCsvStream(pages: Pages, logger: Logger): Readable {
  const csv = stringify({ bom: true, delimiter: ';', record_delimiter: '\r\n' });
  return pipeline(Readable.from(csvRecords(pages)), csv, (err) => {
    // Headers are already sent when a page fails: the client sees a cut download, the log says why.
    if (err) logger.error({ err }, 'directory CSV export failed');
  });
}
