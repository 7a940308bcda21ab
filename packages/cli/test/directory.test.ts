/**
 * `liaison directory generate-rpps` and `import-rpps`, run as an operator would: the real binary on a
 * real SQLite file, a synthetic extraction with the national header.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RPPS_EXTRACTION_COLUMNS } from '@liaison/core/rpps/index';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function liaison(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, ['packages/cli/bin/liaison.js', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('liaison directory (RPPS reference)', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-directory-'));
    env = { LIAISON_DATA_DIR: dir, LIAISON_SECRET: 'cli-test-secret-0123456789-abcdefghijklmnopq' };
  });

  it('generates a synthetic extraction with the national header, then imports it', () => {
    const file = join(dir, 'PS_LibreAcces_Personne_activite.txt');
    const generated = liaison(
      env,
      'directory',
      'generate-rpps',
      '--out',
      file,
      '--persons',
      '3000',
      '--seed',
      '4',
    );
    expect(generated.status, generated.stderr).toBe(0);
    const header = readFileSync(file, 'utf8').split('\n', 1)[0]!;
    expect(header.split('|').slice(0, RPPS_EXTRACTION_COLUMNS.length)).toEqual([...RPPS_EXTRACTION_COLUMNS]);

    const first = liaison(env, 'directory', 'import-rpps', file, '--json');
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ persons: 3000, added: 3000, left: 0 });
    const again = liaison(env, 'directory', 'import-rpps', file);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^3000 professionals: 0 added, 0 updated, 3000 unchanged, 0 left/);
  });

  it('refuses a file with another header, naming the column, and exits 1', () => {
    const file = join(dir, 'wrong.txt');
    writeFileSync(file, 'Identifiant|Nom|Prénom\n810001234567|DUPONT|Jeanne\n');
    const run = liaison(env, 'directory', 'import-rpps', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^RPPS_HEADER_INVALID: .*column 1/m);
  });

  it('says clearly when the file cannot be read', () => {
    const run = liaison(env, 'directory', 'import-rpps', join(dir, 'absent.txt'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/absent\.txt/);
  });
});
