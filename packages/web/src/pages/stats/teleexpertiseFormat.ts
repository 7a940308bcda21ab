import { locale } from './statsFormat.ts';

const HOUR_MS = 3600_000;

/** A duration of the tele-expertise figures (milliseconds) in hours, one decimal; null → "—". */
export function hoursOf(ms: number | null): number | null {
  return ms === null ? null : Math.round((ms / HOUR_MS) * 10) / 10;
}

export function formatHours(ms: number | null, language: string): string {
  const hours = hoursOf(ms);
  if (hours === null) return '—';
  return `${new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(hours)} h`;
}
