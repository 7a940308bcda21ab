import type { Kysely } from 'kysely';

/**
 * The directory: entries establishments propose and technicians publish. An entry row holds what is
 * published (or, while it has never been, what was first proposed); every proposal is a submission
 * row; every decision leaves a version in the history. Search indexes come in 008.
 */
// Migrations run against any schema version, so they take an untyped Kysely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('directory_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('last_name', 'text')
    .addColumn('first_name', 'text')
    .addColumn('profession', 'text')
    .addColumn('specialty', 'text', (c) => c.notNull())
    .addColumn('national_id_kind', 'text')
    .addColumn('national_id', 'text')
    .addColumn('service_name', 'text')
    /** The main mailbox address (lower case) and its kind; all of them in `mailboxes` (JSON). */
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('mailbox_kind', 'text', (c) => c.notNull())
    .addColumn('mailboxes', 'text', (c) => c.notNull())
    .addColumn('departement', 'text')
    .addColumn('group_name', 'text')
    .addColumn('proxy_user', 'integer', (c) => c.notNull())
    .addColumn('accepts_attachments', 'integer', (c) => c.notNull())
    .addColumn('unlisted', 'integer', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    /** The RDN an LDAP push named it by (e.g. "uid=jdupont"), so later pushes find it again. */
    .addColumn('ldap_rdn', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('modified_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('rpps_left_at', 'text')
    .execute();
  await db.schema
    .createIndex('directory_entries_org')
    .on('directory_entries')
    .columns(['organisation_id', 'state'])
    .execute();
  await db.schema
    .createIndex('directory_entries_address')
    .on('directory_entries')
    .columns(['address'])
    .execute();
  await db.schema
    .createIndex('directory_entries_national_id')
    .on('directory_entries')
    .columns(['national_id'])
    .execute();
  await db.schema
    .createIndex('directory_entries_modified')
    .on('directory_entries')
    .columns(['modified_at'])
    .execute();
  await db.schema
    .createIndex('directory_entries_ldap')
    .on('directory_entries')
    .columns(['organisation_id', 'ldap_rdn'])
    .execute();

  await db.schema
    .createTable('directory_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('directory_entries.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    /** JSON: the proposed fields (for a removal, those being removed). */
    .addColumn('fields', 'text', (c) => c.notNull())
    /** The entry version the proposal was made against. */
    .addColumn('base_version', 'integer', (c) => c.notNull())
    /** JSON: soft findings for the technician (national reference disagreements). */
    .addColumn('checks', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('directory_submissions_queue')
    .on('directory_submissions')
    .columns(['status', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('directory_submissions_entry')
    .on('directory_submissions')
    .columns(['entry_id', 'status'])
    .execute();
  await db.schema
    .createIndex('directory_submissions_org')
    .on('directory_submissions')
    .columns(['organisation_id', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('directory_entry_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    /** What happened: published, updated, retired, rejected, rpps_left. */
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('submission_id', 'text')
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_entry_history_entry')
    .on('directory_entry_history')
    .columns(['entry_id', 'changed_at'])
    .execute();

  await db.schema
    .createTable('directory_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull())
    .addColumn('processed_rows', 'integer', (c) => c.notNull())
    /** JSON: counts (created, updated, unchanged) or the failure. */
    .addColumn('summary', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();

  await db.schema
    .createTable('directory_ldap_credentials')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('address_book_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** A user's own book, or a shared mailbox's (kept by its secretaries). */
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('directory_entries.id'))
    .addColumn('note', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    /** The entry's version and main address when added or last acknowledged. */
    .addColumn('seen_version', 'integer', (c) => c.notNull())
    .addColumn('seen_address', 'text', (c) => c.notNull())
    .addUniqueConstraint('address_book_entries_unique', ['owner_kind', 'owner_id', 'entry_id'])
    .execute();
  await db.schema
    .createIndex('address_book_entries_entry')
    .on('address_book_entries')
    .columns(['entry_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'address_book_entries',
    'directory_ldap_credentials',
    'directory_imports',
    'directory_entry_history',
    'directory_submissions',
    'directory_entries',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
