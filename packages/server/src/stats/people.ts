import { USER_CATEGORIES, type Figure, type StatsPeriod, type StatsReport } from '@liaison/core/api/stats';
import { sql, type RawBuilder } from 'kysely';
import type { Reader } from '../db/index.ts';
import { categoryFromRank, organisationRanks } from './categories.ts';
import { figure, flag, toCount, type Aggregate } from './figures.ts';
import type { ReportPeriods } from './period.ts';

/**
 * Distinct people, from `stats_user_days`. A number of people cannot be summed from days. The platform
 * asks, for each person, whether they have a qualifying row in the period: one index probe per person
 * (a semi-join), as many small queries as figures, run side by side. An establishment's page reads its
 * own people's rows instead. Totals of active people are the sums of the (at most seven) categories.
 */
export interface StaffFigures {
  activeUsers: Figure;
  usersByCategory: StatsReport['usersByCategory'];
  distinctSenders: Figure;
  distinctRecipients: Figure;
}

export interface CityFigures {
  distinctCitySenders: Figure;
  distinctCityRecipients: Figure;
}

type CategoryCounts = Array<{ category: string; people: Aggregate }>;

function byCategory(
  current: CategoryCounts,
  previous: CategoryCounts,
): Pick<StaffFigures, 'activeUsers' | 'usersByCategory'> {
  const count = (rows: CategoryCounts, category: string) =>
    toCount(rows.find((r) => r.category === category)?.people);
  const usersByCategory = USER_CATEGORIES.map((category) => ({
    category,
    current: count(current, category),
    previous: count(previous, category),
  }));
  return {
    activeUsers: {
      current: usersByCategory.reduce((sum, c) => sum + c.current, 0),
      previous: usersByCategory.reduce((sum, c) => sum + c.previous, 0),
    },
    usersByCategory,
  };
}

/**
 * The row conditions of the platform's figures. Written literally (no parameters) so that SQLite and
 * PostgreSQL both answer them from the matching partial index of migration 010.
 */
const QUALIFYING = {
  staffSent: sql`d.establishment = 1 and d.sent > 0`,
  staffReceived: sql`d.establishment = 1 and d.received > 0`,
  citySentToEstablishment: sql`d.establishment = 0 and d.sent_to_establishment > 0`,
  cityReceivedFromEstablishment: sql`d.establishment = 0 and d.received_from_establishment > 0`,
};

function hasRow(period: StatsPeriod, condition: RawBuilder<unknown> = sql`true`) {
  return sql<boolean>`exists (select 1 from stats_user_days d where d.user_id = u.id
    and d.day >= ${period.from} and d.day <= ${period.to} and ${condition})`;
}

export async function platformPeople(
  db: Reader,
  periods: ReportPeriods,
): Promise<StaffFigures & CityFigures> {
  const activeByCategory = (period: StatsPeriod) =>
    db
      .selectFrom(
        db
          .selectFrom('users as u')
          .leftJoin(organisationRanks(db).as('r'), 'r.user_id', 'u.id')
          .where(hasRow(period))
          .select(categoryFromRank('r.rank', 'u.profession').as('category'))
          .as('a'),
      )
      .select(['a.category', sql<Aggregate>`count(*)`.as('people')])
      .groupBy('a.category')
      .execute();
  const people = async (period: StatsPeriod, condition: RawBuilder<unknown>) =>
    (
      await db
        .selectFrom('users as u')
        .where(hasRow(period, condition))
        .select(sql<Aggregate>`count(*)`.as('people'))
        .executeTakeFirstOrThrow()
    ).people;
  const both = async (condition: RawBuilder<unknown>) =>
    figure(...(await Promise.all([people(periods.current, condition), people(periods.previous, condition)])));
  const [activeNow, activeBefore, senders, recipients, citySenders, cityRecipients] = await Promise.all([
    activeByCategory(periods.current),
    activeByCategory(periods.previous),
    both(QUALIFYING.staffSent),
    both(QUALIFYING.staffReceived),
    both(QUALIFYING.citySentToEstablishment),
    both(QUALIFYING.cityReceivedFromEstablishment),
  ]);
  return {
    ...byCategory(activeNow, activeBefore),
    distinctSenders: senders,
    distinctRecipients: recipients,
    distinctCitySenders: citySenders,
    distinctCityRecipients: cityRecipients,
  };
}

/** An establishment's staff: the people with a rollup row for it (they sent or received through it). */
export async function staffPeople(
  db: Reader,
  periods: ReportPeriods,
  organisationId: string,
): Promise<StaffFigures> {
  const current = sql`d.day >= ${periods.current.from}`;
  const previous = sql`d.day < ${periods.current.from}`;
  const anyDay = (condition: RawBuilder<unknown>) => sql<number>`max(${flag(condition)})`;
  const perPerson = db
    .selectFrom('stats_user_days as d')
    .where('d.organisation_id', '=', organisationId)
    .where('d.day', '>=', periods.previous.from)
    .where('d.day', '<=', periods.current.to)
    .select([
      'd.user_id',
      anyDay(current).as('active_current'),
      anyDay(previous).as('active_previous'),
      anyDay(sql`${current} and d.sent > 0`).as('senders_current'),
      anyDay(sql`${previous} and d.sent > 0`).as('senders_previous'),
      anyDay(sql`${current} and d.received > 0`).as('recipients_current'),
      anyDay(sql`${previous} and d.received > 0`).as('recipients_previous'),
    ])
    .groupBy('d.user_id');
  const staff = db
    .selectFrom(perPerson.as('s'))
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin(organisationRanks(db).as('r'), 'r.user_id', 'u.id')
    .select([
      categoryFromRank('r.rank', 'u.profession').as('category'),
      's.active_current',
      's.active_previous',
      's.senders_current',
      's.senders_previous',
      's.recipients_current',
      's.recipients_previous',
    ]);
  const rows = await db
    .selectFrom(staff.as('p'))
    .select([
      'p.category',
      sql<Aggregate>`sum(p.active_current)`.as('active_current'),
      sql<Aggregate>`sum(p.active_previous)`.as('active_previous'),
      sql<Aggregate>`sum(p.senders_current)`.as('senders_current'),
      sql<Aggregate>`sum(p.senders_previous)`.as('senders_previous'),
      sql<Aggregate>`sum(p.recipients_current)`.as('recipients_current'),
      sql<Aggregate>`sum(p.recipients_previous)`.as('recipients_previous'),
    ])
    .groupBy('p.category')
    .execute();
  const total = (pick: (row: (typeof rows)[number]) => Aggregate) =>
    rows.reduce((sum, row) => sum + toCount(pick(row)), 0);
  return {
    ...byCategory(
      rows.map((r) => ({ category: r.category, people: r.active_current })),
      rows.map((r) => ({ category: r.category, people: r.active_previous })),
    ),
    distinctSenders: figure(
      total((r) => r.senders_current),
      total((r) => r.senders_previous),
    ),
    distinctRecipients: figure(
      total((r) => r.recipients_current),
      total((r) => r.recipients_previous),
    ),
  };
}

/**
 * City-side people who wrote to an organisation or heard from it (`stats_contact_days`): a few rows
 * per correspondent and day, read through the table's key (organisation, day, person).
 */
export async function contactPeople(
  db: Reader,
  periods: ReportPeriods,
  organisationId: string,
): Promise<CityFigures> {
  const distinct = (period: StatsPeriod, column: 'c.sent_to' | 'c.received_from') =>
    sql<Aggregate>`count(distinct case when c.day >= ${period.from} and c.day <= ${period.to}
      and ${sql.ref(column)} > 0 then c.user_id end)`;
  const row = await db
    .selectFrom('stats_contact_days as c')
    .where('c.organisation_id', '=', organisationId)
    .where('c.day', '>=', periods.previous.from)
    .where('c.day', '<=', periods.current.to)
    .select([
      distinct(periods.current, 'c.sent_to').as('senders_current'),
      distinct(periods.previous, 'c.sent_to').as('senders_previous'),
      distinct(periods.current, 'c.received_from').as('recipients_current'),
      distinct(periods.previous, 'c.received_from').as('recipients_previous'),
    ])
    .executeTakeFirstOrThrow();
  return {
    distinctCitySenders: figure(row.senders_current, row.senders_previous),
    distinctCityRecipients: figure(row.recipients_current, row.recipients_previous),
  };
}
