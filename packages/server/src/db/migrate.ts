import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.ts';
import * as m001 from './migrations/001_foundation.ts';
import * as m002 from './migrations/002_pki.ts';
import * as m003 from './migrations/003_devices.ts';
import * as m004 from './migrations/004_mailbox_keys.ts';
import * as m005 from './migrations/005_mail.ts';
import * as m006 from './migrations/006_rpps_reference.ts';
import * as m007 from './migrations/007_directory.ts';
import * as m008 from './migrations/008_directory_search.ts';
import * as m009 from './migrations/009_usage_rules.ts';
import * as m010 from './migrations/010_stats.ts';
import * as m011 from './migrations/011_status.ts';
import * as m012 from './migrations/012_chat.ts';
import * as m013 from './migrations/013_chat_photos.ts';
import * as m014 from './migrations/014_teleexpertise.ts';

/** Ordered, explicit list: a migration is never discovered by scanning a folder. */
const MIGRATIONS: Record<string, Migration> = {
  '001_foundation': m001,
  '002_pki': m002,
  '003_devices': m003,
  '004_mailbox_keys': m004,
  '005_mail': m005,
  '006_rpps_reference': m006,
  '007_directory': m007,
  '008_directory_search': m008,
  '009_usage_rules': m009,
  '010_stats': m010,
  '011_status': m011,
  '012_chat': m012,
  '013_chat_photos': m013,
  '014_teleexpertise': m014,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) };

/**
 * Brings the schema up to date. On PostgreSQL Kysely's migrator holds an advisory lock for the whole
 * run, so several nodes starting together apply each migration once.
 */
export async function migrateToLatest(db: Database): Promise<string[]> {
  const migrator = new Migrator({ db: db.raw, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
