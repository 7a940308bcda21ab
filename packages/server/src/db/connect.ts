import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config/config.ts';
import { Database } from './database.ts';
import type { DB } from './schema.ts';

export function connectDatabase(config: DatabaseConfig): Database {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // An idle client erroring (server restart) must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    return new Database(new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
  }
  if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
  const sqlite = new SQLite(config.path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return new Database(new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) }), 'sqlite');
}
