/**
 * The generated year: `days` UTC days ending on `end` (yesterday by default, so "the last 365 days"
 * of the dashboard is exactly the generated year), and how busy each day is.
 */
const DAY_MS = 86_400_000;

export class Calendar {
  /** Midnight UTC of day 0. */
  readonly startMs: number;

  constructor(
    readonly end: string,
    readonly days: number,
  ) {
    this.startMs = Date.parse(`${end}T00:00:00.000Z`) - (days - 1) * DAY_MS;
    if (Number.isNaN(this.startMs)) throw new RangeError(`not a date: ${end}`);
  }

  /** YYYY-MM-DD of a day number (negative: before the year). */
  day(d: number): string {
    return new Date(this.startMs + d * DAY_MS).toISOString().slice(0, 10);
  }

  /** ISO timestamp `ms` milliseconds into day `d`, as the server writes them (Date#toISOString). */
  at(d: number, ms: number): string {
    return new Date(this.startMs + d * DAY_MS + ms).toISOString();
  }

  /**
   * Relative volume of day `d`: weekdays carry the mail (Saturday a little, Sunday almost nothing),
   * August and the last week of December are quieter, and the platform grows by half over the year.
   */
  volume(d: number): number {
    const date = new Date(this.startMs + d * DAY_MS);
    const weekday = date.getUTCDay();
    const byWeekday = weekday === 0 ? 0.08 : weekday === 6 ? 0.22 : 1;
    const month = date.getUTCMonth();
    const holidays = month === 7 ? 0.8 : month === 11 && date.getUTCDate() >= 24 ? 0.6 : 1;
    const growth = 0.8 + (0.4 * d) / Math.max(1, this.days - 1);
    return byWeekday * holidays * growth;
  }
}

export function yesterday(): string {
  return new Date(Date.now() - DAY_MS).toISOString().slice(0, 10);
}

export const HOUR_MS = 3_600_000;
export { DAY_MS };
