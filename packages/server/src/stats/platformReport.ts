import type { StatsReport } from '@liaison/core/api/stats';
import { sql } from 'kysely';
import type { Dialect, Reader } from '../db/index.ts';
import { figure, sumIf, toCount, type Aggregate } from './figures.ts';
import type { ReportPeriods } from './period.ts';
import { platformPeople } from './people.ts';
import { messageSeries } from './series.ts';
import { ESTABLISHMENT_KINDS, establishmentFlag } from './sides.ts';

/** The parts of a report that differ between the platform and an establishment's page. */
export type ScopedFigures = Pick<
  StatsReport,
  'activeUsers' | 'usersByCategory' | 'messagesExchanged' | 'establishments' | 'topEstablishments' | 'series'
> & { postage: StatsReport['postage'] };

const TOP = 10;
const AVERAGED = 5;

/**
 * The whole platform. Messages: every counted message is sent by exactly one organisation key ('' for
 * none), so the sum of `sent` over all rows counts each once. Establishment flows are the sums of the
 * establishments' own figures: a message from one hospital to another is sent by the first and
 * received by the second; one received by two establishments counts once for each.
 */
export async function platformFigures(
  db: Reader,
  dialect: Dialect,
  periods: ReportPeriods,
  unitCostCents: number,
): Promise<ScopedFigures> {
  const [flows, top, people, series] = await Promise.all([
    organisationFlows(db, periods),
    topEstablishments(db, periods),
    platformPeople(db, periods),
    messageSeries(db, dialect, periods, null),
  ]);
  const leaders = top.slice(0, AVERAGED);
  const average = leaders.length > 0 ? leaders.reduce((sum, e) => sum + e.sent, 0) / leaders.length : 0;
  return {
    activeUsers: people.activeUsers,
    usersByCategory: people.usersByCategory,
    messagesExchanged: flows.messages,
    establishments: {
      sent: flows.sent,
      received: flows.received,
      distinctSenders: people.distinctSenders,
      distinctCityRecipients: people.distinctCityRecipients,
      distinctCitySenders: people.distinctCitySenders,
      distinctRecipients: people.distinctRecipients,
    },
    topEstablishments: top.map((e) => ({ ...e, postageSavedCents: e.sent * unitCostCents })),
    postage: {
      unitCostCents,
      savedCents: {
        current: flows.messages.current * unitCostCents,
        previous: flows.messages.previous * unitCostCents,
      },
      topFiveAverage: { messages: average, savedCents: Math.round(average * unitCostCents) },
    },
    series,
  };
}

/** Counted messages, and those sent and received by establishments, in one pass over both periods. */
async function organisationFlows(db: Reader, periods: ReportPeriods) {
  const current = sql`d.day >= ${periods.current.from}`;
  const previous = sql`d.day < ${periods.current.from}`;
  const establishment = sql`${establishmentFlag('o.kind')} = 1`;
  const row = await db
    .selectFrom('stats_org_days as d')
    .leftJoin('organisations as o', 'o.id', 'd.organisation_id')
    .where('d.day', '>=', periods.previous.from)
    .where('d.day', '<=', periods.current.to)
    .select([
      sumIf(current, sql`d.sent`).as('messages_current'),
      sumIf(previous, sql`d.sent`).as('messages_previous'),
      sumIf(sql`${current} and ${establishment}`, sql`d.sent`).as('sent_current'),
      sumIf(sql`${previous} and ${establishment}`, sql`d.sent`).as('sent_previous'),
      sumIf(sql`${current} and ${establishment}`, sql`d.received`).as('received_current'),
      sumIf(sql`${previous} and ${establishment}`, sql`d.received`).as('received_previous'),
    ])
    .executeTakeFirstOrThrow();
  return {
    messages: figure(row.messages_current, row.messages_previous),
    sent: figure(row.sent_current, row.sent_previous),
    received: figure(row.received_current, row.received_previous),
  };
}

/** Establishments that sent most in the period; ties by name then id, so the order is stable. */
async function topEstablishments(db: Reader, periods: ReportPeriods) {
  const rows = await db
    .selectFrom('stats_org_days as d')
    .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
    .where('o.kind', 'in', ESTABLISHMENT_KINDS)
    .where('d.day', '>=', periods.current.from)
    .where('d.day', '<=', periods.current.to)
    .select(['o.id', 'o.name', 'o.kind', sql<Aggregate>`sum(d.sent)`.as('sent')])
    .groupBy(['o.id', 'o.name', 'o.kind'])
    .having(sql<boolean>`sum(d.sent) > 0`)
    .orderBy(sql`sum(d.sent)`, 'desc')
    .orderBy('o.name')
    .orderBy('o.id')
    .limit(TOP)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, sent: toCount(r.sent) }));
}
