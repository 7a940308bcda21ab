import type { Kysely } from 'kysely';

/**
 * The instance certificate authority (root and issuing CA, keys sealed under the instance secret),
 * the certificates it issued, and its CRLs. Portable column types only, as in 001.
 */
// Migrations run against any schema version, so they take an untyped Kysely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pki_authorities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('certificate_pem', 'text', (c) => c.notNull())
    .addColumn('sealed_key', 'text', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('not_after', 'text', (c) => c.notNull())
    .addColumn('crl_number', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Two nodes bootstrapping together: the second insert fails here and that node re-reads.
    .addUniqueConstraint('pki_authorities_role_generation', ['role', 'generation'])
    .execute();

  await db.schema
    .createTable('pki_certificates')
    .addColumn('serial', 'text', (c) => c.primaryKey())
    .addColumn('authority_id', 'text', (c) => c.notNull().references('pki_authorities.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('mailbox_id', 'text', (c) => c.references('mailboxes.id'))
    .addColumn('usage', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('emails', 'text', (c) => c.notNull())
    .addColumn('certificate_pem', 'text', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('not_after', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    // Set only while active ("user:<id>:<usage>" or "mailbox:<id>:<usage>"): the unique index keeps
    // one active certificate per holder and usage even when two issuances race.
    .addColumn('active_scope', 'text', (c) => c.unique())
    .addColumn('superseded_at', 'text')
    .addColumn('superseded_by', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revocation_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pki_certificates_user').on('pki_certificates').column('user_id').execute();
  await db.schema
    .createIndex('pki_certificates_mailbox')
    .on('pki_certificates')
    .column('mailbox_id')
    .execute();
  await db.schema
    .createIndex('pki_certificates_revoked')
    .on('pki_certificates')
    .columns(['authority_id', 'revoked_at'])
    .execute();

  await db.schema
    .createTable('pki_crls')
    .addColumn('authority_id', 'text', (c) => c.notNull().references('pki_authorities.id'))
    .addColumn('crl_number', 'integer', (c) => c.notNull())
    .addColumn('this_update', 'text', (c) => c.notNull())
    .addColumn('next_update', 'text', (c) => c.notNull())
    .addColumn('crl_pem', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pki_crls_pk', ['authority_id', 'crl_number'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['pki_crls', 'pki_certificates', 'pki_authorities']) {
    await db.schema.dropTable(table).execute();
  }
}
