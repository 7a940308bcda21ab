/**
 * HPRIM dates are written dd/mm/yyyy; older writers use two-digit years and `-` or `.` as separator.
 * Liaison hands out ISO `YYYY-MM-DD`.
 */

export type HprimDateKind = 'birth' | 'other';

/** Day and month of one or two digits, one separator used twice, a year of two or four digits. */
const WRITTEN_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function iso(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * A two-digit birth year takes the century that puts the birth date in the past (on or before
 * `now`, compared in UTC so the answer does not depend on the machine's time zone): with now in
 * 2026, 24 is 2024 and 30 is 1930. Exam and letter dates are recent: 20yy.
 */
function fullYear(yy: number, month: number, day: number, kind: HprimDateKind, now: Date): number {
  if (kind === 'other') return 2000 + yy;
  return iso(2000 + yy, month, day) <= isoDay(now) ? 2000 + yy : 1900 + yy;
}

/** The ISO date, or null when the text is not a readable, possible date. Input is trimmed. */
export function readHprimDate(written: string, kind: HprimDateKind, now: Date): string | null {
  const match = WRITTEN_DATE.exec(written.trim());
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[3]);
  const yearText = match[4] ?? '';
  const year = yearText.length === 2 ? fullYear(Number(yearText), month, day, kind, now) : Number(yearText);
  return isRealDate(year, month, day) ? iso(year, month, day) : null;
}

/** True for an ISO `YYYY-MM-DD` that names a real day. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** ISO → dd/mm/yyyy; anything else is written as it stands, so no text is lost. */
export function writeHprimDate(value: string): string {
  const match = ISO_DATE.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

/** Today in UTC, ISO: the reference for "is this birth date in the future". */
export function isoDay(now: Date): string {
  return iso(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}
