import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from 'kysely';
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
  // First, so that even switching to WAL waits for a lock another process holds.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // FULL: a commit is on disk (WAL fsynced) before the caller hears "accepted". With NORMAL a power
  // cut could lose a letter the sender was already told was sent.
  sqlite.pragma('synchronous = FULL');
  return new Database(
    new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) }),
    'sqlite',
  );
}

/**
 * Transactions that take SQLite's write lock when they begin (`BEGIN IMMEDIATE`). A deferred `BEGIN`
 * starts as a reader and upgrades at its first write; if another process (a `liaison admin` command
 * beside the server) wrote in between, SQLite answers SQLITE_BUSY at once, without the busy timeout,
 * since waiting could never help that snapshot. An immediate transaction waits for the lock instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

/** Distinct SQL texts a running server uses are a few hundred; this bounds a pathological caller. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query afresh; compiling the same SQL text again and again was a fifth of the
 * CPU time of a mail submission (bench/mail). Statements are reused: Kysely runs them with the
 * synchronous `all`/`run`, so one statement is never in use twice at a time.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql); // re-inserted below: the map's order is least recently used first
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
