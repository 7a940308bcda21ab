import type { Kysely } from 'kysely';
import { CHARTER_V1 } from '../../charter/charterV1.ts';

/**
 * Usage rules (charter article 5) and charter versions.
 *
 * - `mail_messages.patients`: patients a letter declares (0 for information); one-patient letters are
 *   exempt from the hourly bulk rule.
 * - `mail_holds`: a message a usage rule held; it is filed in the sender's Sent folder only until a
 *   technician releases it (recipients' items are created then) or rejects it (never delivered).
 * - `sender_limits`: a technician's limits for one sender mailbox (null keeps the default).
 * - `charter_versions`: the published texts; version 1 is the text shipped with Liaison.
 */
// Migrations run against any schema version, so they take an untyped Kysely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('mail_messages')
    .addColumn('patients', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Past patient letters declared nothing: they were one-patient letters.
  await db.updateTable('mail_messages').set({ patients: 1 }).where('category', '=', 'patient').execute();
  // The hourly rule counts one user's messages whatever mailbox they sent from.
  await db.schema
    .createIndex('mail_messages_sender_user')
    .on('mail_messages')
    .columns(['sender_user_id', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('mail_holds')
    .addColumn('message_id', 'text', (c) => c.primaryKey().references('mail_messages.id').onDelete('cascade'))
    .addColumn('sender_mailbox_id', 'text', (c) => c.notNull().references('mailboxes.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    /** The first rule tripped, for counting and filtering; `trips` holds all of them (JSON). */
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('trips', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('mail_holds_state').on('mail_holds').columns(['state', 'held_at']).execute();
  await db.schema
    .createIndex('mail_holds_sender')
    .on('mail_holds')
    .columns(['sender_mailbox_id', 'state'])
    .execute();

  await db.schema
    .createTable('sender_limits')
    .addColumn('mailbox_id', 'text', (c) => c.primaryKey().references('mailboxes.id').onDelete('cascade'))
    .addColumn('message_recipients', 'integer')
    .addColumn('hourly_recipients', 'integer')
    .addColumn('hourly_exempt', 'integer')
    .addColumn('note', 'text')
    .addColumn('set_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('charter_versions')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('fr_title', 'text', (c) => c.notNull())
    .addColumn('fr_text', 'text', (c) => c.notNull())
    .addColumn('en_title', 'text', (c) => c.notNull())
    .addColumn('en_text', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db
    .insertInto('charter_versions')
    .values({
      version: CHARTER_V1.version,
      fr_title: CHARTER_V1.fr.title,
      fr_text: CHARTER_V1.fr.text,
      en_title: CHARTER_V1.en.title,
      en_text: CHARTER_V1.en.text,
      // Version 1 is the text every instance starts with; it was in force from the first start.
      published_at: '1970-01-01T00:00:00.000Z',
      published_by: null,
    })
    .execute();
}
