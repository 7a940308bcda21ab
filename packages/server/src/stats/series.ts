import type { StatsPeriod, StatsReport } from '@liaison/core/api/stats';
import { sql, type RawBuilder } from 'kysely';
import type { Dialect, Reader } from '../db/index.ts';
import { addDays, dayNumber, type ReportPeriods } from './period.ts';

export type Granularity = StatsReport['series']['granularity'];
type Series = StatsReport['series'];

/** Days up to two months, weeks up to a year, calendar months beyond (see the contract in core). */
export function granularityOf(days: number): Granularity {
  if (days <= 62) return 'day';
  if (days <= 366) return 'week';
  return 'month';
}

function monthNumber(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

/** First day of each bucket of a period: 7-day buckets start on `from`; months on the 1st after it. */
export function bucketStarts(period: StatsPeriod, granularity: Granularity): string[] {
  if (granularity !== 'month') {
    const step = granularity === 'day' ? 1 : 7;
    const count = Math.ceil(period.days / step);
    return Array.from({ length: count }, (_, i) => addDays(period.from, i * step));
  }
  const first = monthNumber(period.from);
  const count = monthNumber(period.to) - first + 1;
  return Array.from({ length: count }, (_, i) => {
    if (i === 0) return period.from;
    const month = first + i;
    return `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
  });
}

/** Days since 1970-01-01 of a YYYY-MM-DD column, as an integer, on each dialect. */
function dayNumberSql(dialect: Dialect, column: RawBuilder<string>): RawBuilder<number> {
  return dialect === 'postgres'
    ? sql<number>`(cast(${column} as date) - date '1970-01-01')`
    : sql<number>`cast(julianday(${column}) - 2440587.5 as integer)`;
}

function monthNumberSql(column: RawBuilder<string>): RawBuilder<number> {
  return sql<number>`(cast(substr(${column}, 1, 4) as integer) * 12 + cast(substr(${column}, 6, 2) as integer) - 1)`;
}

/**
 * The position of a day's bucket within its own period (current or previous), in SQL. The period
 * starts are integers computed here and inlined, so the expression carries no parameter.
 */
function bucketIndexSql(
  dialect: Dialect,
  granularity: Granularity,
  periods: ReportPeriods,
  day: RawBuilder<string>,
  inCurrent: RawBuilder<number>,
): RawBuilder<number> {
  if (granularity === 'month') {
    const start = sql`case when ${inCurrent} = 1 then ${sql.lit(monthNumber(periods.current.from))} else ${sql.lit(monthNumber(periods.previous.from))} end`;
    return sql<number>`(${monthNumberSql(day)} - ${start})`;
  }
  const start = sql`case when ${inCurrent} = 1 then ${sql.lit(dayNumber(periods.current.from))} else ${sql.lit(dayNumber(periods.previous.from))} end`;
  const offset = sql<number>`(${dayNumberSql(dialect, day)} - ${start})`;
  // Both operands are integers: integer division on both dialects, and offsets are never negative.
  return granularity === 'day' ? offset : sql<number>`(${offset} / 7)`;
}

/**
 * Counted messages per bucket from `stats_org_days`: the platform's (every message is sent by exactly
 * one organisation key, '' included, so the sum of `sent` counts each once) or one organisation's
 * `exchanged`. One GROUP BY over both periods; the previous period's buckets line up by position.
 */
export async function messageSeries(
  db: Reader,
  dialect: Dialect,
  periods: ReportPeriods,
  organisationId: string | null,
): Promise<Series> {
  const granularity = granularityOf(periods.current.days);
  const day = sql<string>`d.day`;
  const inCurrent = sql<number>`case when d.day >= ${periods.current.from} then 1 else 0 end`;
  const perDay = db
    .selectFrom('stats_org_days as d')
    .select([
      inCurrent.as('in_current'),
      bucketIndexSql(dialect, granularity, periods, day, inCurrent).as('bucket'),
      (organisationId === null ? sql<number>`d.sent` : sql<number>`d.exchanged`).as('messages'),
    ])
    .where('d.day', '>=', periods.previous.from)
    .where('d.day', '<=', periods.current.to)
    .$if(organisationId !== null, (q) => q.where('d.organisation_id', '=', organisationId!));
  const rows = await db
    .selectFrom(perDay.as('b'))
    .select((eb) => ['b.in_current', 'b.bucket', eb.fn.sum<number | string>('b.messages').as('messages')])
    .groupBy(['b.in_current', 'b.bucket'])
    .execute();
  const totals = new Map(
    rows.map((r) => [`${Number(r.in_current)}:${Number(r.bucket)}`, Number(r.messages)]),
  );
  return {
    granularity,
    points: bucketStarts(periods.current, granularity).map((start, i) => ({
      start,
      messages: totals.get(`1:${i}`) ?? 0,
      previous: totals.get(`0:${i}`) ?? 0,
    })),
  };
}
