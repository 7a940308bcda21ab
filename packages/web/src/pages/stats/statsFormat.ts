import type { Figure, StatsReport } from '@liaison/core/api/stats';

/**
 * Numbers of the statistics pages in the reader's language ("1 234,56 €" in French). Pure, tested in
 * test/stats.test.ts; the components only lay these texts out.
 */

export function locale(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'fr-FR';
}

export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(value);
}

/** The contract gives money in euro cents (integers) so that sums stay exact; euros only for display. */
export function formatEuros(cents: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** `share` between 0 and 1; one decimal, because coverage shares are often below 1 %. */
export function formatShare(share: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 1 }).format(
    share,
  );
}

export type Trend = 'up' | 'down' | 'stable' | 'none';

export interface Change {
  trend: Trend;
  /** (current − previous) / previous; null when there is nothing to compare with (previous is 0). */
  ratio: number | null;
}

export function figureChange(figure: Figure): Change {
  if (figure.previous === 0) return { trend: 'none', ratio: null };
  const ratio = (figure.current - figure.previous) / figure.previous;
  if (ratio === 0) return { trend: 'stable', ratio };
  return { trend: ratio > 0 ? 'up' : 'down', ratio };
}

/** "+12,5 %", "−8 %", "0 %"; "—" when the previous period had nothing. */
export function formatChange(change: Change, language: string): string {
  if (change.ratio === null) return '—';
  return new Intl.NumberFormat(locale(language), {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(change.ratio);
}

/** Arrows say the direction in a glyph as well as in the sign: colour is never the only cue. */
export const TREND_ARROWS: Record<Trend, string> = { up: '↑', down: '↓', stable: '→', none: '—' };

/** The days of the contract are UTC calendar days: format them in UTC so none shifts by one. */
function utcDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function formatDay(day: string, language: string, style: 'long' | 'short' = 'long'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { dateStyle: 'long', timeZone: 'UTC' }
      : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale(language), options).format(utcDate(day));
}

export function formatMonth(day: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utcDate(day));
}

export type Granularity = StatsReport['series']['granularity'];
