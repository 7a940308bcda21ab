import type { Kysely } from 'kysely';

/**
 * The national RPPS reference (open-data extraction, ~1.9 M professionals): one row per person, kept
 * current by re-imports. A person missing from the latest complete import is not deleted but marked
 * as having left (retirement, death, struck off), so published entries that name them can be flagged.
 */
// Migrations run against any schema version, so they take an untyped Kysely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rpps_reference')
    .addColumn('rpps', 'text', (c) => c.primaryKey())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('profession_code', 'text')
    .addColumn('profession_label', 'text')
    .addColumn('specialty', 'text')
    // The national file carries test identities whose key is wrong: kept, flagged.
    .addColumn('key_valid', 'integer', (c) => c.notNull())
    /** JSON: the activities (structure, FINESS, postcode, commune, département) as last imported. */
    .addColumn('activities', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('seen_import', 'text', (c) => c.notNull())
    .addColumn('left_at', 'text')
    .execute();
  await db.schema.createIndex('rpps_reference_seen').on('rpps_reference').columns(['seen_import']).execute();
  await db.schema
    .createTable('rpps_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    /** JSON: counts (persons, added, updated, unchanged, left, bad keys, warnings) or the failure. */
    .addColumn('summary', 'text')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rpps_imports').execute();
  await db.schema.dropTable('rpps_reference').execute();
}
