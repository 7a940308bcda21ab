/**
 * The server and a `liaison admin` command open the same SQLite file from two processes. A transaction
 * that read before the other process committed a write must wait and succeed, not fail with
 * SQLITE_BUSY (what a deferred BEGIN does: its snapshot is stale once the other commit lands).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, migrateToLatest, type Database } from '../src/db/index.ts';

const serverRoot = fileURLToPath(new URL('../', import.meta.url));

/** Another process takes the write lock, writes, holds it `holdMs`, then commits. */
const OTHER_WRITER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 5000');
db.exec('BEGIN IMMEDIATE');
db.prepare("insert into rate_limits (key, window_start, count) values ('other', 'w', 1)").run();
process.stdout.write('locked\\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
db.exec('COMMIT');
process.stdout.write('committed\\n');
`;

describe('two processes writing one SQLite file', () => {
  let dir: string;
  let file: string;
  let db: Database;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-locking-'));
    file = join(dir, 'liaison.sqlite');
    db = connectDatabase({ kind: 'sqlite', path: file });
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a transaction that meets another process’s write lock waits for it instead of failing', async () => {
    const other = spawn(process.execPath, ['-e', OTHER_WRITER, file, '400'], { cwd: serverRoot });
    let output = '';
    const locked = new Promise<void>((resolve, reject) => {
      other.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('locked')) resolve();
      });
      other.once('exit', (code) =>
        code === 0 ? undefined : reject(new Error(`other writer exited ${code}`)),
      );
    });
    await locked;
    await db.transaction(async (tx) => {
      await tx.db.selectFrom('rate_limits').selectAll().execute();
      await tx.db.insertInto('rate_limits').values({ key: 'mine', window_start: 'w', count: 1 }).execute();
    });
    await new Promise((resolve) => other.once('exit', resolve));
    expect(output).toContain('committed');
    const keys = (await db.read.selectFrom('rate_limits').select('key').orderBy('key').execute()).map(
      (r) => r.key,
    );
    expect(keys).toEqual(['mine', 'other']);
  });
});
