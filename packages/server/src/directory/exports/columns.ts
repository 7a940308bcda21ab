import { specialtyLabel } from '@liaison/core/codes/index';
import { rowFields } from '../entryRows.ts';
import type { PublishedEntryRow } from './publishedEntries.ts';

/** A cell of an exported row: text, or the time of the last change (a real date cell in XLSX). */
export type ExportValue = string | Date;

/**
 * The export columns, in order. The names the file import reads (nom, prénom, service, spécialité,
 * email, département, groupe…) are written exactly so, which makes an export re-importable; the
 * specialty label is "libellé spécialité" rather than "spécialité (libellé)" so that no importer that
 * ignores parenthesised words could take it for the code column.
 */
export const EXPORT_HEADERS = [
  'nom',
  'prénom',
  'service',
  'spécialité',
  'libellé spécialité',
  'profession',
  'rpps/adeli',
  'email',
  'type de BAL',
  'établissement',
  'finess',
  'ville',
  'département',
  'groupe',
  'pièces jointes',
  'mis à jour le',
] as const;

/** One entry as an export row: codes as stored, the main mailbox, yes/no in French. */
export function exportValues(row: PublishedEntryRow): ExportValue[] {
  const fields = rowFields(row);
  const main = fields.mailboxes[0];
  return [
    fields.lastName ?? '',
    fields.firstName ?? '',
    fields.serviceName ?? '',
    fields.specialty,
    specialtyLabel(fields.specialty) ?? '',
    fields.profession ?? '',
    fields.nationalId ?? '',
    main?.address ?? row.address,
    main?.kind ?? row.mailbox_kind,
    row.organisation_name,
    row.organisation_finess ?? '',
    row.organisation_city ?? '',
    fields.departement ?? '',
    fields.groupName ?? '',
    fields.acceptsAttachments ? 'oui' : 'non',
    new Date(row.modified_at),
  ];
}

const PARIS_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Formatting is the slow part of an export row; entries changed together share their minute. */
const wallClockCache = new Map<number, { date: string; time: string }>();

/** The wall-clock time in Paris, the time French users read (exports are for people, not machines). */
export function parisWallClock(date: Date): { date: string; time: string } {
  const minute = Math.floor(date.getTime() / 60_000);
  const cached = wallClockCache.get(minute);
  if (cached !== undefined) return cached;
  const parts = Object.fromEntries(PARIS_PARTS.formatToParts(date).map((p) => [p.type, p.value]));
  const result = { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
  if (wallClockCache.size >= 10_000) wallClockCache.clear();
  wallClockCache.set(minute, result);
  return result;
}

/**
 * A cell typed as "=HYPERLINK(…)" (or starting with + - @, a tab or a carriage return) must stay text
 * when a spreadsheet opens the CSV, not become a formula (CSV injection): an apostrophe in front makes
 * Excel and LibreOffice read it as text.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** A row as CSV text cells. */
export function csvCells(values: readonly ExportValue[]): string[] {
  return values.map((value) => {
    if (value instanceof Date) {
      const { date, time } = parisWallClock(value);
      return `${date} ${time}`;
    }
    return neutraliseFormula(value);
  });
}

/** The file name users get: annuaire-2026-03-02.csv, dated in Paris. */
export function exportFileName(now: Date, extension: 'csv' | 'xlsx' | 'vcf', stem = 'annuaire'): string {
  return `${stem}-${parisWallClock(now).date}.${extension}`;
}
