/**
 * RFC 5322 §3.3 dates. We write UTC ("+0000") with whole seconds, the format's precision: a letter's
 * date comes back truncated to the second. Reading accepts the obsolete forms clients still send (named
 * zones, two-digit years, comments, no day name, no seconds).
 */
import { CryptoError } from '../crypto/errors.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** RFC 5322 §4.3 obsolete zone names, in minutes east of UTC. Military letters are treated as UTC. */
const ZONES: Record<string, number> = {
  ut: 0,
  gmt: 0,
  z: 0,
  edt: -4 * 60,
  est: -5 * 60,
  cdt: -5 * 60,
  cst: -6 * 60,
  mdt: -6 * 60,
  mst: -7 * 60,
  pdt: -7 * 60,
  pst: -8 * 60,
};

const two = (n: number): string => String(n).padStart(2, '0');

/** The RFC 5322 year is four digits from 1900 on; other dates cannot be written and are refused. */
export function formatMailDate(date: Date): string {
  const time = date.getTime();
  const year = date.getUTCFullYear();
  if (Number.isNaN(time) || year < 1900 || year > 9999) {
    throw new CryptoError('LETTER_MALFORMED', 'date is invalid or outside the years 1900-9999');
  }
  const month = MONTHS[date.getUTCMonth()]!;
  return (
    `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${month[0]!.toUpperCase()}${month.slice(1)} ${year} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`
  );
}

/** Nested comments (RFC 5322 §3.2.2) removed, e.g. the "(CET)" many clients add after the zone. */
function withoutComments(value: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '\\' && depth > 0) i++;
    else if (char === '(') depth++;
    else if (char === ')' && depth > 0) depth--;
    else if (depth === 0) out += char;
  }
  return out;
}

const DATE =
  /^(?:[a-z]{3,9}\s*,?\s*)?(\d{1,2})\s*[\s-]\s*([a-z]{3})[a-z]*\s*[\s-]\s*(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,5})?$/;

function zoneMinutes(zone: string | undefined): number {
  if (zone === undefined) return 0;
  if (/^[+-]\d{4}$/.test(zone)) {
    const sign = zone[0] === '-' ? -1 : 1;
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(3, 5));
    if (minutes > 59) throw new CryptoError('LETTER_MALFORMED', 'Date: bad zone');
    return sign * (hours * 60 + minutes);
  }
  return ZONES[zone] ?? 0;
}

/** Reads an RFC 5322 date-time; a missing zone is taken as UTC. */
export function parseMailDate(value: string): Date {
  const match = DATE.exec(withoutComments(value).trim().replace(/\s+/g, ' ').toLowerCase());
  if (!match) throw new CryptoError('LETTER_MALFORMED', 'Date: not an RFC 5322 date');
  const [, dayText, monthText, yearText, hourText, minuteText, secondText, zone] = match;
  const month = MONTHS.indexOf(monthText as (typeof MONTHS)[number]);
  let year = Number(yearText);
  // RFC 5322 §4.3: two-digit years below 50 are 20xx, others 19xx; three digits add 1900.
  if (yearText!.length === 2) year += year < 50 ? 2000 : 1900;
  else if (yearText!.length === 3) year += 1900;
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  // A leap second (60) is read as the last second of the minute.
  const second = Math.min(Number(secondText ?? '0'), 59);
  if (month < 0 || hour > 23 || minute > 59 || Number(secondText ?? '0') > 60) {
    throw new CryptoError('LETTER_MALFORMED', 'Date: field out of range');
  }
  // Not Date.UTC: it maps years 0-99 to 19xx.
  const utc = new Date(0);
  utc.setUTCFullYear(year, month, day);
  utc.setUTCHours(hour, minute, second, 0);
  if (utc.getUTCDate() !== day || utc.getUTCMonth() !== month) {
    throw new CryptoError('LETTER_MALFORMED', 'Date: no such day');
  }
  return new Date(utc.getTime() - zoneMinutes(zone) * 60_000);
}
