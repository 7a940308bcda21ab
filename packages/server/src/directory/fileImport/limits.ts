/**
 * Bounds on what an upload may cost. A directory file of a large hospital group has a few thousand
 * rows; the bounds leave room for a whole region while keeping one request's memory and time sane.
 */

/** Longest cell accepted: every directory field is far shorter; anything longer is a mistake or an attack. */
export const MAX_CELL_LENGTH = 1000;

/** Default cap on data rows (the caller may lower or raise it). */
export const DEFAULT_MAX_ROWS = 200_000;

/** A CSV of 200,000 rows is about 30 MB; beyond 64 MB it is not a directory file. */
export const MAX_CSV_BYTES = 64 * 1024 * 1024;

/** XLSX compresses about tenfold: 20 MB of zip is already several hundred thousand rows. */
export const MAX_XLSX_BYTES = 20 * 1024 * 1024;

/**
 * Sum of the uncompressed sizes a workbook's zip declares. exceljs inflates every part into memory,
 * so a small zip that expands to gigabytes (a zip bomb) is refused before it is opened. 100,000
 * plain rows weigh about 42 MB inflated: this leaves room for DEFAULT_MAX_ROWS with some styling.
 */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

/** How much of a refused value may be quoted back in a message. */
export const MAX_QUOTED_LENGTH = 60;
