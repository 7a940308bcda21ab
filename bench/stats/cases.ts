/**
 * The dashboard's query shapes, each timed through the service as the HTTP route calls it: one warm-up
 * (the first call pays for statement preparation and a cold page cache), then `RUNS` timed calls.
 */
import type { StatsQuery, StatsReport } from '../../packages/core/src/api/stats.ts';
import { STATS_MAX_DAYS } from '../../packages/core/src/api/stats.ts';
import { CONSOLE_ACTOR } from '../../packages/server/src/auth/actor.ts';
import type { AppContext } from '../../packages/server/src/context.ts';
import type { Calendar } from './calendar.ts';
import type { Org } from './world.ts';

export const RUNS = 5;
export const LIMIT_MS = 1000;

export interface DashboardCase {
  label: string;
  query: StatsQuery;
}

export interface Timing {
  medianMs: number;
  maxMs: number;
  /** What the report counted, to show it did the work (and for the rollup check). */
  messages: number;
  activeUsers: number;
}

export function dashboardCases(calendar: Calendar, hospital: Org, ehpad: Org): DashboardCase[] {
  const last = calendar.days - 1;
  const period = (days: number) => ({ from: calendar.day(last - days + 1), to: calendar.day(last) });
  return [
    { label: 'platform, last 30 days', query: period(30) },
    { label: 'platform, last 365 days', query: period(365) },
    { label: `platform, 3 years (${STATS_MAX_DAYS} days)`, query: period(STATS_MAX_DAYS) },
    {
      label: `largest hospital (${hospital.beds?.toLocaleString('en')} beds), 365 days`,
      query: { ...period(365), establishment: hospital.id },
    },
    {
      label: `small EHPAD (${ehpad.beds} beds), 365 days`,
      query: { ...period(365), establishment: ehpad.id },
    },
  ];
}

export function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function timeReport(ctx: AppContext, query: StatsQuery, runs = RUNS): Promise<Timing> {
  let report: StatsReport = await ctx.stats.report(CONSOLE_ACTOR, query);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    report = await ctx.stats.report(CONSOLE_ACTOR, query);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    medianMs: median(times),
    maxMs: times[times.length - 1]!,
    messages: report.messagesExchanged.current,
    activeUsers: report.activeUsers.current,
  };
}
