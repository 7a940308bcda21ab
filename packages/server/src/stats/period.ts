import { STATS_MAX_DAYS, type StatsPeriod } from '@liaison/core/api/stats';
import { fail } from '../errors.ts';

/** A report's period and the one of the same length that ends the day before it starts. */
export interface ReportPeriods {
  current: StatsPeriod;
  previous: StatsPeriod;
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Milliseconds at 00:00 UTC of a YYYY-MM-DD day, or null when it is not a day of the calendar. */
function dayStart(day: string): number | null {
  if (!ISO_DAY.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00.000Z`);
  // Date.parse accepts 2026-02-30 on some engines and rolls it over: the round trip catches that.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) return null;
  return ms;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 (the same number the series SQL computes for a day column). */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00.000Z`) / DAY_MS);
}

/**
 * Checks a query's period (the service may be called without the HTTP schema, e.g. by the benchmark)
 * and derives the previous one. Both ends are included: 2026-03-01..2026-03-31 has 31 days.
 */
export function periodsOf(query: { from: string; to: string }): ReportPeriods {
  const from = dayStart(query.from);
  const to = dayStart(query.to);
  if (from === null || to === null || from > to) fail('STATS_PERIOD_INVALID');
  const days = Math.round((to - from) / DAY_MS) + 1;
  if (days > STATS_MAX_DAYS) fail('STATS_PERIOD_TOO_LONG');
  const previousTo = addDays(query.from, -1);
  return {
    current: { from: query.from, to: query.to, days },
    previous: { from: addDays(previousTo, -(days - 1)), to: previousTo, days },
  };
}
