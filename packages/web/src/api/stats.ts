import { StatsReport, TeleexpertiseFigures, type StatsQuery } from '@liaison/core/api/stats';
import { api } from './client.ts';

/**
 * Statistics (issue 7; contract in packages/core/src/api/stats.ts): the platform's figures, or one
 * establishment's, for a period and the period of the same length before it.
 */

export const statsKeys = {
  all: ['stats'] as const,
  report: (query: StatsQuery) => ['stats', query.establishment ?? 'platform', query.from, query.to] as const,
  teleexpertise: (query: StatsQuery) =>
    ['stats', 'teleexpertise', query.establishment ?? 'platform', query.from, query.to] as const,
};

/** The same query string for the JSON report and its CSV export, so both always cover the same days. */
export function statsParams(query: StatsQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.establishment) params.set('establishment', query.establishment);
  return params.toString();
}

export function fetchStats(query: StatsQuery, signal?: AbortSignal) {
  return api(`/api/stats?${statsParams(query)}`, StatsReport, signal ? { signal } : {});
}

/** A plain link: the session cookie authenticates the download, and the browser saves the file. */
export function statsCsvUrl(query: StatsQuery): string {
  return `/api/stats/export.csv?${statsParams(query)}`;
}

/** Tele-expertise delays (issue 9) for the same period and scope as the report. */
export function fetchTeleexpertiseFigures(query: StatsQuery, signal?: AbortSignal) {
  return api(
    `/api/stats/teleexpertise?${statsParams(query)}`,
    TeleexpertiseFigures,
    signal ? { signal } : {},
  );
}
