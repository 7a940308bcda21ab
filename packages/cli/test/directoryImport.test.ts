/**
 * `liaison directory import FILE`, as an establishment's IT would run it: the real binary against a
 * real server, signed in as the establishment admin, a CSV written as French Excel writes it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  establishmentAdmin,
  liaison,
  machine,
  startServer,
  type Machine,
  type TestServer,
} from './support/liaison.ts';

const SLOW = 120_000;

describe('liaison directory import', { timeout: SLOW }, () => {
  let server: TestServer;
  let admin: Machine;
  let dir: string;

  beforeAll(async () => {
    server = await startServer('directory-import');
    const org = await liaison(server.env, [
      'admin',
      'create-org',
      '--name',
      'CH de Roubaix',
      '--kind',
      'hospital',
      '--json',
    ]);
    expect(org.status, org.stderr).toBe(0);
    const orgId = (JSON.parse(org.stdout) as { id: string }).id;
    const { token } = await establishmentAdmin(server, orgId, 'dsi@ch-roubaix.test');
    admin = machine(server, 'admin');
    // The session `liaison login` would have saved on the admin's machine.
    const config = join(admin.env.XDG_CONFIG_HOME!, 'liaison');
    mkdirSync(config, { recursive: true, mode: 0o700 });
    writeFileSync(
      join(config, 'session.json'),
      JSON.stringify({
        server: server.url,
        email: 'dsi@ch-roubaix.test',
        token,
        savedAt: new Date().toISOString(),
      }),
      {
        mode: 0o600,
      },
    );
    dir = server.dir;
  }, SLOW);
  afterAll(() => server.stop());

  const csv = (rows: string[]) => {
    const path = join(dir, `annuaire-${Math.random().toString(36).slice(2, 7)}.csv`);
    // Windows-1252 would do too; UTF-8 with BOM is what "CSV UTF-8" in Excel writes.
    writeFileSync(path, `\uFEFF${['Nom;Prénom;Spécialité;E-mail;Département', ...rows].join('\r\n')}\r\n`);
    return path;
  };

  it('prints every bad row with its line and imports nothing', async () => {
    const file = csv([
      'Lefèvre;Hélène;SM04;h.lefevre@ch-roubaix.test;59',
      'Roux;Marc;SM99;m.roux@ch-roubaix.test;59',
      'Blanc;Eva;SM04;noreply@ch-roubaix.test;59',
    ]);
    const run = await admin.run(['directory', 'import', file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/line 3 \(Spécialité\): UNKNOWN_CODE/);
    expect(run.stderr).toMatch(/line 4 \(E-mail\): NO_REPLY_FORBIDDEN/);
    expect(run.stderr).toMatch(/DIRECTORY_IMPORT_INVALID: 2 bad rows: nothing was imported/);
  });

  it('dry-runs, then imports the rows as pending entries with a progress bar', async () => {
    const file = csv([
      'Lefèvre;Hélène;SM04;h.lefevre@ch-roubaix.test;59',
      'Nguyen;Thi;Médecine générale;t.nguyen@ch-roubaix.test;59',
    ]);
    const dry = await admin.run(['directory', 'import', file, '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stderr).toMatch(/CSV, utf-8, separator ";", 2 rows/);
    expect(dry.stderr).toMatch(/2 new, 0 changed, 0 unchanged, 0 bad rows/);

    const run = await admin.run(['directory', 'import', file]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/import .*100% \| 2\/2 rows/);
    expect(run.stdout).toMatch(/^2 new and 0 changed entries wait for a technician's approval; 0 unchanged/);

    const again = await admin.run(['directory', 'import', file, '--dry-run', '--json']);
    expect(again.status, again.stderr).toBe(0);
    // Still pending (not published): the same rows would now be changes of those proposals.
    expect((JSON.parse(again.stdout) as { counts: object }).counts).toEqual({
      create: 0,
      update: 2,
      unchanged: 0,
    });
  });
});
