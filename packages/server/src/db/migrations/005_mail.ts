import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Secure mail. The server keeps each letter as two opaque CMS envelopes (body and summary) and the
 * metadata it needs to route, police and count: sender, recipients, declared sizes, category, times,
 * delivery state. Every mailbox has one change sequence: each item change takes the next number in the
 * same transaction, so a client syncing from its last number never misses or repeats a change.
 */
// Migrations run against any schema version, so they take an untyped Kysely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('mail_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sender_mailbox_id', 'text', (c) => c.notNull().references('mailboxes.id'))
    .addColumn('sender_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('sender_device_id', 'text')
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('body_bytes', 'integer', (c) => c.notNull())
    .addColumn('summary_bytes', 'integer', (c) => c.notNull())
    .addColumn('attachment_count', 'integer', (c) => c.notNull())
    .addColumn('attachment_bytes', 'integer', (c) => c.notNull())
    .addColumn('recipient_count', 'integer', (c) => c.notNull())
    // SHA-256 of what was submitted: a retry with the same id must carry the same message.
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mail_messages_sender')
    .on('mail_messages')
    .columns(['sender_mailbox_id', 'submitted_at'])
    .execute();
  await db.schema
    .createTable('mail_blobs')
    .addColumn('message_id', 'text', (c) => c.primaryKey().references('mail_messages.id').onDelete('cascade'))
    // Summary first: listings read only it, and SQLite reads a row's columns in order, so a summary
    // stored after a 20 KB body would cost walking the body's overflow pages on every inbox line.
    .addColumn('summary', bytes, (c) => c.notNull())
    .addColumn('body', bytes, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('mail_recipients')
    .addColumn('message_id', 'text', (c) => c.notNull().references('mail_messages.id').onDelete('cascade'))
    .addColumn('mailbox_id', 'text', (c) => c.notNull().references('mailboxes.id'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addColumn('filed_at', 'text')
    .addColumn('read_at', 'text')
    .addPrimaryKeyConstraint('mail_recipients_pk', ['message_id', 'mailbox_id'])
    .execute();
  await db.schema.createIndex('mail_recipients_mailbox').on('mail_recipients').column('mailbox_id').execute();
  await db.schema
    .createTable('mail_items')
    .addColumn('mailbox_id', 'text', (c) => c.notNull().references('mailboxes.id'))
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull().references('mail_messages.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('read', 'integer', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // (mailbox, message) first: opening a letter finds its item without knowing the folder.
    .addPrimaryKeyConstraint('mail_items_pk', ['mailbox_id', 'message_id', 'folder'])
    .addUniqueConstraint('mail_items_seq', ['mailbox_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('mail_items_browse')
    .on('mail_items')
    .columns(['mailbox_id', 'folder', 'deleted', 'archived', 'seq'])
    .execute();
  // The unread badge counts on every listing: answered from the index alone.
  await db.schema
    .createIndex('mail_items_unread')
    .on('mail_items')
    .columns(['mailbox_id', 'folder', 'read', 'archived', 'deleted'])
    .execute();
  await db.schema
    .createTable('mailbox_sequences')
    .addColumn('mailbox_id', 'text', (c) => c.primaryKey().references('mailboxes.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mailbox_sequences').execute();
  await db.schema.dropTable('mail_items').execute();
  await db.schema.dropTable('mail_recipients').execute();
  await db.schema.dropTable('mail_blobs').execute();
  await db.schema.dropTable('mail_messages').execute();
}
