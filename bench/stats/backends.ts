/**
 * Throw-away databases for one run: a SQLite file in a temporary directory, or a fresh PostgreSQL
 * database `liaison_bench_stats_<random>`. Both are removed at the end, after a failure too, and on
 * Ctrl-C (a million-message database left behind on every interrupted run adds up quickly).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../../packages/server/src/db/index.ts';

export type BackendName = 'sqlite' | 'postgres';

export interface BenchDatabase {
  name: BackendName;
  /** As LIAISON_DATABASE_URL takes it. */
  url: string;
  /** A directory for the instance's data (nothing big goes there on PostgreSQL). */
  dataDir: string;
  /** Bytes on disk, indexes included. */
  size(db: Database): Promise<number>;
  version(db: Database): Promise<string>;
  dispose(): Promise<void>;
}

const cleanups = new Set<() => Promise<void>>();
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\n${signal}: removing the bench databases…\n`);
    void Promise.allSettled([...cleanups].map((c) => c())).then(() => process.exit(130));
  });
}

/** Runs `dispose` once, whether called by the run or by an interruption. */
function once(dispose: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  const run = () => (done ??= dispose().finally(() => cleanups.delete(run)));
  cleanups.add(run);
  return run;
}

export function sqliteDatabase(): BenchDatabase {
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-bench-stats-'));
  const path = join(dataDir, 'liaison.sqlite');
  return {
    name: 'sqlite',
    url: `sqlite:${path}`,
    dataDir,
    async size(db) {
      // Fold the WAL into the file first: after the rebuild it holds a copy of every page it wrote.
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db.raw);
      return ['', '-wal'].reduce(
        (sum, suffix) => sum + (existsSync(path + suffix) ? statSync(path + suffix).size : 0),
        0,
      );
    },
    async version(db) {
      const { rows } = await sql<{ v: string }>`SELECT sqlite_version() AS v`.execute(db.raw);
      return `SQLite ${rows[0]?.v ?? '?'}`;
    },
    dispose: once(() => {
      rmSync(dataDir, { recursive: true, force: true });
      return Promise.resolve();
    }),
  };
}

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is unreachable at ${adminUrl} (set LIAISON_BENCH_PG_URL, or --backend sqlite)`,
      {
        cause: err,
      },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function postgresDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `liaison_bench_stats_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-bench-stats-pg-'));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name: 'postgres',
    url: url.toString(),
    dataDir,
    async size(db) {
      const { rows } = await sql<{
        bytes: string;
      }>`SELECT pg_database_size(current_database()) AS bytes`.execute(db.raw);
      return Number(rows[0]?.bytes ?? 0);
    },
    async version(db) {
      const { rows } = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(
        db.raw,
      );
      return `PostgreSQL ${rows[0]?.v ?? '?'}`;
    },
    dispose: once(async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }),
  };
}
