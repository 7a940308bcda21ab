import { sql, type Kysely } from 'kysely';

/**
 * Service status (issue 7): incidents and planned maintenance with their updates, and a queue of
 * outbound plain-text emails (alerts to establishments) that the `status.alerts` job hands to the
 * SMTP relay, retrying with backoff until it is taken.
 */
// Migrations run against any schema version, so they take an untyped Kysely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('status_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('components', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    // Not a foreign key: the console posts as 'console', which is no user row.
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The public page reads events not ended, or ended within 90 days.
  await db.schema.createIndex('status_events_ends').on('status_events').column('ends_at').execute();

  await db.schema
    .createTable('status_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('status_events.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('status_updates_event')
    .on('status_updates')
    .columns(['event_id', 'at'])
    .execute();

  await db.schema
    .createTable('outbound_emails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('event_id', 'text', (c) => c.references('status_events.id'))
    .execute();
  // The job's scan (due and not sent) and the pending count only ever look at unsent rows, which stay
  // few while sent ones pile up: a partial index (SQLite and PostgreSQL both have them) keeps it small.
  await db.schema
    .createIndex('outbound_emails_due')
    .on('outbound_emails')
    .columns(['next_attempt_at', 'id'])
    .where(sql.ref('sent_at'), 'is', null)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbound_emails').execute();
  await db.schema.dropTable('status_updates').execute();
  await db.schema.dropTable('status_events').execute();
}
