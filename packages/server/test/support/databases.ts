import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/config/config.ts';
import { connectDatabase, migrateToLatest, type Database } from '../../src/db/index.ts';

/**
 * The storage back-ends a suite runs on: always a real SQLite file; PostgreSQL too when
 * LIAISON_TEST_PG_URL is set. A set-but-unreachable server fails the suite, never skips it.
 */
export interface TestBackend {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty database config (new file or new PostgreSQL database). */
  create(): Promise<{ config: DatabaseConfig; dispose: () => Promise<void> }>;
}

const sqliteBackend: TestBackend = {
  name: 'sqlite',
  create() {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-test-'));
    return Promise.resolve({
      config: { kind: 'sqlite', path: join(dir, 'liaison.sqlite') },
      dispose: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    });
  },
};

function postgresBackend(adminUrl: string): TestBackend {
  return {
    name: 'postgres',
    async create() {
      const name = `liaison_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      try {
        await admin.connect();
      } catch (err) {
        throw new Error(`LIAISON_TEST_PG_URL is set but PostgreSQL is unreachable at ${adminUrl}`, {
          cause: err,
        });
      }
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        config: { kind: 'postgres', url: url.toString() },
        async dispose() {
          const c = new pg.Client({ connectionString: adminUrl });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await c.end();
        },
      };
    },
  };
}

export function testBackends(): TestBackend[] {
  const pgUrl = process.env.LIAISON_TEST_PG_URL;
  return pgUrl ? [sqliteBackend, postgresBackend(pgUrl)] : [sqliteBackend];
}

/** A migrated database on a backend, and how to throw it away. */
export async function freshDatabase(
  backend: TestBackend,
): Promise<{ db: Database; dispose: () => Promise<void> }> {
  const { config, dispose } = await backend.create();
  const db = connectDatabase(config);
  await migrateToLatest(db);
  return {
    db,
    async dispose() {
      await db.close();
      await dispose();
    },
  };
}
