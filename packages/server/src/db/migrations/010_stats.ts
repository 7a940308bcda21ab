import { sql, type Kysely } from 'kysely';
import { addToRollups } from '../../stats/rollups.ts';
import type { DB } from '../schema.ts';

/**
 * Statistics rollups (issue 7): counts of counted messages (neither held nor rejected) by UTC day, kept
 * current in the transaction that makes a message count (see stats/record.ts), so a report reads a few
 * thousand rollup rows instead of a year of messages. Derived data: stats/rebuild.ts recomputes them.
 *
 * - `stats_org_days`: per organisation ('' for none) and day: sent, received, exchanged.
 * - `stats_user_days`: per person, day and organisation of the mailbox they sent or received through.
 * - `stats_contact_days`: per organisation, day and city-side person who wrote to it or heard from it.
 *
 * No foreign keys: '' is not an organisation, and a rollup row must never block deleting its source.
 */
// Migrations run against any schema version, so they take an untyped Kysely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stats_org_days')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('sent', 'integer', (c) => c.notNull())
    .addColumn('received', 'integer', (c) => c.notNull())
    .addColumn('exchanged', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_org_days_pk', ['organisation_id', 'day'])
    .execute();
  // Platform figures and the top 10 read every organisation's rows of a period.
  await db.schema.createIndex('stats_org_days_day').on('stats_org_days').column('day').execute();

  await db.schema
    .createTable('stats_user_days')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('establishment', 'integer', (c) => c.notNull())
    .addColumn('sent', 'integer', (c) => c.notNull())
    .addColumn('sent_to_establishment', 'integer', (c) => c.notNull())
    .addColumn('received', 'integer', (c) => c.notNull())
    .addColumn('received_from_establishment', 'integer', (c) => c.notNull())
    // (user, day) first: "was this person active in the period" is one probe of the key.
    .addPrimaryKeyConstraint('stats_user_days_pk', ['user_id', 'day', 'organisation_id'])
    .execute();
  // An establishment's page reads its own people's rows only. Not widened with the counts to cover
  // that query: every message would then rewrite these entries, to save a rarely opened page a little.
  await db.schema
    .createIndex('stats_user_days_org')
    .on('stats_user_days')
    .columns(['organisation_id', 'day', 'user_id'])
    .execute();
  // Platform distinct-people figures: one probe per person, each answered by a partial index holding
  // only the rows that qualify (queries repeat these conditions literally so both planners use them).
  // The condition's columns are in the index too: a covering index is what makes SQLite pick it over
  // the primary key whatever its statistics say. Writes stay cheap: only qualifying rows are in them.
  const qualifying = [
    ['stats_user_days_staff_sent', 'sent', sql<boolean>`establishment = 1 and sent > 0`],
    ['stats_user_days_staff_received', 'received', sql<boolean>`establishment = 1 and received > 0`],
    [
      'stats_user_days_city_to_establishment',
      'sent_to_establishment',
      sql<boolean>`establishment = 0 and sent_to_establishment > 0`,
    ],
    [
      'stats_user_days_city_from_establishment',
      'received_from_establishment',
      sql<boolean>`establishment = 0 and received_from_establishment > 0`,
    ],
  ] as const;
  for (const [name, count, condition] of qualifying) {
    await db.schema
      .createIndex(name)
      .on('stats_user_days')
      .columns(['user_id', 'day', 'establishment', count])
      .where(condition)
      .execute();
  }

  await db.schema
    .createTable('stats_contact_days')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('sent_to', 'integer', (c) => c.notNull())
    .addColumn('received_from', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_contact_days_pk', ['organisation_id', 'day', 'user_id'])
    .execute();

  // Messages already exchanged before this version: the same SQL as a rebuild (nothing on a new database).
  // The schema is the one that SQL was written for at this point of the migration sequence.
  await addToRollups(db as Kysely<DB>, 'all');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stats_contact_days').execute();
  await db.schema.dropTable('stats_user_days').execute();
  await db.schema.dropTable('stats_org_days').execute();
}
