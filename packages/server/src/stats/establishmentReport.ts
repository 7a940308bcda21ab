import { sql } from 'kysely';
import type { Dialect, Reader } from '../db/index.ts';
import { figure, sumIf } from './figures.ts';
import type { ReportPeriods } from './period.ts';
import { contactPeople, staffPeople } from './people.ts';
import type { ScopedFigures } from './platformReport.ts';
import { messageSeries } from './series.ts';

/**
 * One organisation's own page: its messages (sent or received, once each), its staff (people who sent
 * or received through its mailboxes) and the city people who corresponded with it. There is no
 * ranking on this page, so the top 10 is empty and the top-five average zero.
 */
export async function establishmentFigures(
  db: Reader,
  dialect: Dialect,
  periods: ReportPeriods,
  organisationId: string,
  unitCostCents: number,
): Promise<ScopedFigures> {
  const [flows, staff, city, series] = await Promise.all([
    ownFlows(db, periods, organisationId),
    staffPeople(db, periods, organisationId),
    contactPeople(db, periods, organisationId),
    messageSeries(db, dialect, periods, organisationId),
  ]);
  return {
    activeUsers: staff.activeUsers,
    usersByCategory: staff.usersByCategory,
    messagesExchanged: flows.messages,
    establishments: {
      sent: flows.sent,
      received: flows.received,
      distinctSenders: staff.distinctSenders,
      distinctCityRecipients: city.distinctCityRecipients,
      distinctCitySenders: city.distinctCitySenders,
      distinctRecipients: staff.distinctRecipients,
    },
    topEstablishments: [],
    postage: {
      unitCostCents,
      savedCents: {
        current: flows.messages.current * unitCostCents,
        previous: flows.messages.previous * unitCostCents,
      },
      topFiveAverage: { messages: 0, savedCents: 0 },
    },
    series,
  };
}

/** Its rows of `stats_org_days`, read through the key (organisation, day). */
async function ownFlows(db: Reader, periods: ReportPeriods, organisationId: string) {
  const current = sql`d.day >= ${periods.current.from}`;
  const previous = sql`d.day < ${periods.current.from}`;
  const row = await db
    .selectFrom('stats_org_days as d')
    .where('d.organisation_id', '=', organisationId)
    .where('d.day', '>=', periods.previous.from)
    .where('d.day', '<=', periods.current.to)
    .select([
      sumIf(current, sql`d.exchanged`).as('messages_current'),
      sumIf(previous, sql`d.exchanged`).as('messages_previous'),
      sumIf(current, sql`d.sent`).as('sent_current'),
      sumIf(previous, sql`d.sent`).as('sent_previous'),
      sumIf(current, sql`d.received`).as('received_current'),
      sumIf(previous, sql`d.received`).as('received_previous'),
    ])
    .executeTakeFirstOrThrow();
  return {
    messages: figure(row.messages_current, row.messages_previous),
    sent: figure(row.sent_current, row.sent_previous),
    received: figure(row.received_current, row.received_previous),
  };
}
