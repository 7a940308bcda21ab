import type { Kysely } from 'kysely';

/**
 * Shared mailbox keys: each version of a mailbox's encryption key is stored only as CMS envelopes,
 * one per member, made on a member's device. The server holds no usable key.
 */
// Migrations run against any schema version, so they take an untyped Kysely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mailbox_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mailbox_id', 'text', (c) => c.notNull().references('mailboxes.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('certificate_serial', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('mailbox_keys_version', ['mailbox_id', 'version'])
    .execute();
  await db.schema
    .createTable('mailbox_key_wraps')
    .addColumn('mailbox_key_id', 'text', (c) => c.notNull().references('mailbox_keys.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('envelope', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mailbox_key_wraps_pk', ['mailbox_key_id', 'user_id'])
    .execute();
  // Who could act for a mailbox, and when: a signature is valid only if its signer was an owner or a
  // delegate of the From mailbox at signing time (a delegate removed yesterday cannot sign today).
  await db.schema
    .createTable('mailbox_membership_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mailbox_id', 'text', (c) => c.notNull().references('mailboxes.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('access', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema
    .createIndex('membership_log_member')
    .on('mailbox_membership_log')
    .columns(['mailbox_id', 'user_id'])
    .execute();
  await db.schema
    .alterTable('mailboxes')
    .addColumn('rotation_required', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mailboxes').dropColumn('rotation_required').execute();
  await db.schema.dropTable('mailbox_membership_log').execute();
  await db.schema.dropTable('mailbox_key_wraps').execute();
  await db.schema.dropTable('mailbox_keys').execute();
}
