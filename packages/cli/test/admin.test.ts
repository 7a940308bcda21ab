/**
 * The console commands, run as an operator would: the real binary on a real SQLite file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function liaison(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, ['packages/cli/bin/liaison.js', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('liaison admin', () => {
  let env: Record<string, string>;
  let dbPath: string;

  beforeAll(() => {
    const dataDir = mkdtempSync(join(tmpdir(), 'liaison-cli-'));
    dbPath = join(dataDir, 'liaison.sqlite');
    env = { LIAISON_DATA_DIR: dataDir, LIAISON_SECRET: 'cli-test-secret-0123456789-abcdefghijklmnopq' };
  });

  it('prints a setup link while no platform admin exists', () => {
    const run = liaison(env, 'admin', 'bootstrap');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/http:\/\/localhost:8080\/setup#token=[A-Za-z0-9_-]{40,}/);
  });

  it('creates an establishment and users, and refuses bad input with a code and exit 1', () => {
    const org = liaison(
      env,
      'admin',
      'create-org',
      '--name',
      'CH de Test',
      '--kind',
      'hospital',
      '--finess',
      '010000016',
      '--json',
    );
    expect(org.status).toBe(0);
    const orgId = (JSON.parse(org.stdout) as { id: string }).id;
    const user = liaison(
      env,
      'admin',
      'create-user',
      '--email',
      'tech@liaison.test',
      '--password',
      'a long enough password',
      '--first-name',
      'Tess',
      '--last-name',
      'Technicienne',
      '--role',
      'technician',
      '--json',
    );
    expect(user.status).toBe(0);
    expect(JSON.parse(user.stdout)).toMatchObject({ email: 'tech@liaison.test', role: 'technician' });
    const admin = liaison(
      env,
      'admin',
      'create-user',
      '--email',
      'dsi@ch-test.fr',
      '--password',
      'a long enough password',
      '--first-name',
      'Dan',
      '--last-name',
      'Dsi',
      '--role',
      'establishment_admin',
      '--org',
      orgId,
    );
    expect(admin.status).toBe(0);

    const dup = liaison(
      env,
      'admin',
      'create-user',
      '--email',
      'tech@liaison.test',
      '--password',
      'a long enough password',
      '--first-name',
      'Tess',
      '--last-name',
      'Bis',
      '--role',
      'technician',
    );
    expect(dup.status).toBe(1);
    expect(dup.stderr).toContain('EMAIL_TAKEN');
    const badFiness = liaison(
      env,
      'admin',
      'create-org',
      '--name',
      'CH Faux',
      '--kind',
      'hospital',
      '--finess',
      '010000017',
    );
    expect(badFiness.status).toBe(1);
    expect(badFiness.stderr).toContain('INVALID_IDENTIFIER');
  });

  it('verifies the audit chain, and detects a modified, a deleted and a truncated tail row', () => {
    const ok = liaison(env, 'admin', 'audit', 'verify');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/audit log intact: \d+ events/);

    const db = new SQLite(dbPath);
    const count = (db.prepare('select count(*) as n from audit_events').get() as { n: number }).n;
    expect(count).toBeGreaterThanOrEqual(4);
    const snapshot = db.prepare('select * from audit_events order by seq').all() as Array<
      Record<string, unknown>
    >;
    const restore = () => {
      db.prepare('delete from audit_events').run();
      const insert = db.prepare(
        'insert into audit_events (seq, at, actor, action, target, details, prev_hash, hash) values (@seq, @at, @actor, @action, @target, @details, @prev_hash, @hash)',
      );
      for (const row of snapshot) insert.run(row);
    };
    const verify = () => {
      const run = liaison(env, 'admin', 'audit', 'verify', '--json');
      return {
        status: run.status,
        report: JSON.parse(run.stdout) as {
          ok: boolean;
          problems: Array<{ kind: string; seq: number | null }>;
        },
      };
    };

    db.prepare("update audit_events set actor = 'someone-else' where seq = 2").run();
    let result = verify();
    expect(result.status).toBe(1);
    expect(result.report.problems).toContainEqual(expect.objectContaining({ kind: 'modified', seq: 2 }));
    restore();

    db.prepare('delete from audit_events where seq = 2').run();
    result = verify();
    expect(result.status).toBe(1);
    expect(result.report.problems.map((p) => p.kind)).toContain('deleted');
    restore();

    db.prepare('delete from audit_events where seq = ?').run(count);
    result = verify();
    expect(result.status).toBe(1);
    expect(result.report.problems.map((p) => p.kind)).toContain('truncated');
    restore();

    expect(verify()).toMatchObject({ status: 0, report: { ok: true } });
    db.close();
  });

  it('stops with one clear line on bad configuration', () => {
    const run = liaison({ ...env, LIAISON_DATABASE_URL: 'mysql://root@localhost/x' }, 'admin', 'bootstrap');
    expect(run.status).toBe(78);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('LIAISON_DATABASE_URL');
  });
});

describe('liaison serve', () => {
  it('starts on an empty data dir and prints the one-time setup link', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'liaison-serve-'));
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const child = spawn(process.execPath, ['packages/cli/bin/liaison.js', 'serve'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        LIAISON_DATA_DIR: dataDir,
        LIAISON_HTTP_PORT: port,
        LIAISON_LOG_LEVEL: 'warn',
      },
    });
    let out = '';
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('#token=')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
      expect(out).toContain(`http://localhost:${port}/setup#token=`);
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(await health.json()).toEqual({ status: 'ok' });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
