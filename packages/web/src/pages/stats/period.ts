import { STATS_MAX_DAYS } from '@liaison/core/api/stats';

/**
 * The period a report covers, as two calendar days (YYYY-MM-DD, both included). Pure, tested in
 * test/stats.test.ts. Arithmetic is done on UTC midnights so a daylight-saving change never makes a
 * day 23 or 25 hours long.
 */

export interface Period {
  from: string;
  to: string;
}

export const PERIOD_PRESETS = ['last30', 'thisMonth', 'thisYear', 'lastYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The server's own codes: the form says the same sentence before asking as the server would after. */
export type PeriodProblem = 'STATS_PERIOD_INVALID' | 'STATS_PERIOD_TOO_LONG';

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a real calendar day, or null ("2026-02-30" is not one). */
function dayNumber(day: string): number | null {
  const match = ISO_DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== date) {
    return null;
  }
  return ms / DAY_MS;
}

function isoDay(year: number, monthIndex: number, date: number): string {
  return new Date(Date.UTC(year, monthIndex, date)).toISOString().slice(0, 10);
}

/** Days covered, both ends included; null when a day is missing or not a date. */
export function periodDays(period: Period): number | null {
  const from = dayNumber(period.from);
  const to = dayNumber(period.to);
  if (from === null || to === null) return null;
  return to - from + 1;
}

export function periodProblem(period: Period): PeriodProblem | null {
  const days = periodDays(period);
  if (days === null || days < 1) return 'STATS_PERIOD_INVALID';
  if (days > STATS_MAX_DAYS) return 'STATS_PERIOD_TOO_LONG';
  return null;
}

/**
 * Presets end today on the person's own calendar (what "today" means to them), even though the server
 * counts UTC days: the two differ only for an hour or two around midnight.
 */
export function presetPeriod(preset: PeriodPreset, now: Date = new Date()): Period {
  const year = now.getFullYear();
  const month = now.getMonth();
  const date = now.getDate();
  const today = isoDay(year, month, date);
  switch (preset) {
    case 'last30':
      return { from: isoDay(year, month, date - 29), to: today };
    case 'thisMonth':
      return { from: isoDay(year, month, 1), to: today };
    case 'thisYear':
      return { from: isoDay(year, 0, 1), to: today };
    case 'lastYear':
      return { from: isoDay(year - 1, 0, 1), to: isoDay(year - 1, 11, 31) };
  }
}

export function defaultPeriod(now: Date = new Date()): Period {
  return presetPeriod('last30', now);
}

/** The preset a period equals, to show it as chosen; null for a period typed by hand. */
export function matchingPreset(period: Period, now: Date = new Date()): PeriodPreset | null {
  return (
    PERIOD_PRESETS.find((preset) => {
      const candidate = presetPeriod(preset, now);
      return candidate.from === period.from && candidate.to === period.to;
    }) ?? null
  );
}
