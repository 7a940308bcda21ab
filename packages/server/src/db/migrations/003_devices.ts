import type { Kysely } from 'kysely';

/**
 * Devices: every browser, CLI or connector that holds keys is enrolled; sessions point at the device
 * they were opened on, so revoking a device ends its sessions at once.
 */
// Migrations run against any schema version, so they take an untyped Kysely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('code_hash', 'text')
    .addColumn('code_expires_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('last_seen_at', 'text')
    .execute();
  await db.schema.createIndex('devices_user').on('devices').columns(['user_id', 'status']).execute();
  await db.schema.alterTable('sessions').addColumn('device_id', 'text').execute();
  await db.schema.createIndex('sessions_device').on('sessions').column('device_id').execute();

  await db.schema
    .createTable('key_backups')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('backup', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by_device', 'text')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('key_backups').execute();
  await db.schema.dropIndex('sessions_device').execute();
  await db.schema.alterTable('sessions').dropColumn('device_id').execute();
  await db.schema.dropTable('devices').execute();
}
