/**
 * How mail shows dates, sizes, names and identifiers, in the reader's language (French unless they
 * switched). Pure functions, tested in test/mailFormat.test.ts.
 */

function locale(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'fr-FR';
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** A list's date column: the time today, the day this year, the full date before (as mail clients do). */
export function formatListDate(iso: string, language: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = sameDay(date, now)
    ? { hour: '2-digit', minute: '2-digit' }
    : date.getFullYear() === now.getFullYear()
      ? { day: 'numeric', month: 'short' }
      : { day: '2-digit', month: '2-digit', year: 'numeric' };
  return new Intl.DateTimeFormat(locale(language), options).format(date);
}

/** "12 mars 2026 à 14:05": where the exact moment matters (signature, delivery). */
export function formatMoment(value: string | Date, language: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** Short time for per-recipient states in a list: "12/03 14:05". */
export function formatShortMoment(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), {
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day (birth, document): "12/03/1958". Read as UTC and written as UTC, so no time zone can
 * move a birthday to the day before. Not an ISO day: shown as written.
 */
export function formatDay(isoDay: string | null, language: string): string {
  if (!isoDay) return '';
  const match = ISO_DAY.exec(isoDay);
  if (!match) return isoDay;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** Age in whole years on `now`, or null for an unreadable or future birth date. */
export function ageOn(isoDay: string | null, now: Date = new Date()): number | null {
  const match = isoDay ? ISO_DAY.exec(isoDay) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let age = now.getFullYear() - year;
  if (now.getMonth() + 1 < month || (now.getMonth() + 1 === month && now.getDate() < day)) age -= 1;
  return age >= 0 ? age : null;
}

/** "1 84 12 75 115 004 67": the NIR grouped as on a carte Vitale; anything else as written. */
export function formatNir(nir: string | null): string {
  if (!nir) return '';
  const compact = nir.replace(/\s+/g, '').toUpperCase();
  if (compact.length !== 15) return nir;
  const groups = [1, 2, 2, 2, 3, 3, 2];
  const out: string[] = [];
  let at = 0;
  for (const size of groups) {
    out.push(compact.slice(at, at + size));
    at += size;
  }
  return out.join(' ');
}

/** "DUPONT Marie": the surname in capitals, as French records write it. */
export function patientName(patient: { lastName: string | null; firstName: string | null }): string {
  return [patient.lastName?.toUpperCase(), patient.firstName].filter(Boolean).join(' ');
}

/** Bytes as "12,3 ko" / "1,2 Mo" (French units) or "12.3 kB" / "1.2 MB". */
export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale(language), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** A certificate's subject serialNumber ("8"+RPPS, "0"+ADELI) read back as people know their number. */
export function nationalIdOf(serialNumber: string | null): { kind: 'rpps' | 'adeli'; id: string } | null {
  if (!serialNumber) return null;
  if (serialNumber.startsWith('8')) return { kind: 'rpps', id: serialNumber.slice(1) };
  if (serialNumber.startsWith('0')) return { kind: 'adeli', id: serialNumber.slice(1) };
  return null;
}

const TYPED_DAY = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/;
const COMPACT_DAY = /^(\d{2})(\d{2})(\d{4})$/;

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A day typed the French way ("23/07/1951", "23.07.1951", "23071951") as ISO; null when blank. Not a
 * real day: the text as typed, which the HPRIM checks then report as an impossible date.
 */
export function typedDayToIso(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = TYPED_DAY.exec(trimmed) ?? COMPACT_DAY.exec(trimmed);
  if (!match) return trimmed;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDay(year, month, day)) return trimmed;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An ISO day as typed in the form ("1951-07-23" → "23/07/1951"); anything else unchanged. */
export function isoToTypedDay(iso: string | null): string {
  if (!iso) return '';
  const match = ISO_DAY.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** Today as an ISO day in the person's own time zone (the default of "document date"). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A summary's preview on one line: a salutation alone ("Cher confrère,") says nothing, what follows does. */
export function previewLine(preview: string): string {
  return preview
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}
