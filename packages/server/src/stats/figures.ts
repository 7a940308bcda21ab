import type { Figure, StatsReport } from '@liaison/core/api/stats';
import { sql, type RawBuilder } from 'kysely';
import type { Reader } from '../db/index.ts';
import { addDays, type ReportPeriods } from './period.ts';

/** Pieces every report uses: SQL helpers, and the figures that read raw tables rather than rollups. */

/** A SUM or COUNT as a driver hands it back: PostgreSQL's bigint comes as a string, an empty SUM as null. */
export type Aggregate = number | string | null;

export function toCount(value: Aggregate | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export function figure(current: Aggregate | undefined, previous: Aggregate | undefined): Figure {
  return { current: toCount(current), previous: toCount(previous) };
}

/** SUM(CASE WHEN condition THEN value ELSE 0 END): one pass computes both periods' figures. */
export function sumIf(
  condition: RawBuilder<unknown>,
  value: RawBuilder<unknown> = sql`1`,
): RawBuilder<Aggregate> {
  return sql<Aggregate>`sum(case when ${condition} then ${value} else 0 end)`;
}

/** 1 when the EXISTS finds a row, else 0, on both dialects (PostgreSQL's EXISTS is a boolean). */
export function flag(exists: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`case when ${exists} then 1 else 0 end`;
}

/**
 * EHPAD on the platform at the end of each period (created before the day after its last day) and
 * their beds (unknown counts as 0), against the national totals of the configuration.
 */
export async function ehpadFigures(
  db: Reader,
  periods: ReportPeriods,
  national: { count: number; beds: number },
): Promise<StatsReport['ehpad']> {
  const endOfCurrent = addDays(periods.current.to, 1);
  const endOfPrevious = periods.current.from;
  const beds = sql`coalesce(o.beds, 0)`;
  const row = await db
    .selectFrom('organisations as o')
    .where('o.kind', '=', 'ehpad')
    .select([
      sumIf(sql`o.created_at < ${endOfCurrent}`).as('covered_current'),
      sumIf(sql`o.created_at < ${endOfPrevious}`).as('covered_previous'),
      sumIf(sql`o.created_at < ${endOfCurrent}`, beds).as('beds_current'),
      sumIf(sql`o.created_at < ${endOfPrevious}`, beds).as('beds_previous'),
    ])
    .executeTakeFirstOrThrow();
  const covered = figure(row.covered_current, row.covered_previous);
  const bedFigure = figure(row.beds_current, row.beds_previous);
  return {
    covered,
    beds: bedFigure,
    nationalCount: national.count,
    nationalBeds: national.beds,
    coveredShare: share(covered.current, national.count),
    bedsShare: share(bedFigure.current, national.beds),
  };
}

/** A part of a national total, kept within 0..1 even if the configured total is too small. */
function share(part: number, total: number): number {
  return total > 0 ? Math.min(1, part / total) : 0;
}

/**
 * Bulk-mail holds by the day they were held, by their state now; on an establishment's page, holds of
 * messages sent from its mailboxes.
 */
export async function interceptionFigures(
  db: Reader,
  periods: ReportPeriods,
  organisationId: string | null,
): Promise<StatsReport['interceptions']> {
  const inCurrent = sql`h.held_at >= ${periods.current.from}`;
  const inPrevious = sql`h.held_at < ${periods.current.from}`;
  const row = await db
    .selectFrom('mail_holds as h')
    .where('h.held_at', '>=', periods.previous.from)
    .where('h.held_at', '<', addDays(periods.current.to, 1))
    .$if(organisationId !== null, (q) =>
      q.where('h.sender_mailbox_id', 'in', (eb) =>
        eb.selectFrom('mailboxes as b').select('b.id').where('b.organisation_id', '=', organisationId!),
      ),
    )
    .select([
      sumIf(inCurrent).as('total_current'),
      sumIf(inPrevious).as('total_previous'),
      sumIf(sql`${inCurrent} and h.state = 'held'`).as('held_current'),
      sumIf(sql`${inPrevious} and h.state = 'held'`).as('held_previous'),
      sumIf(sql`${inCurrent} and h.state = 'released'`).as('released_current'),
      sumIf(sql`${inPrevious} and h.state = 'released'`).as('released_previous'),
      sumIf(sql`${inCurrent} and h.state = 'rejected'`).as('rejected_current'),
      sumIf(sql`${inPrevious} and h.state = 'rejected'`).as('rejected_previous'),
    ])
    .executeTakeFirstOrThrow();
  return {
    total: figure(row.total_current, row.total_previous),
    held: figure(row.held_current, row.held_previous),
    released: figure(row.released_current, row.released_previous),
    rejected: figure(row.rejected_current, row.rejected_previous),
  };
}
