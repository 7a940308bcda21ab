/**
 * Runs the real `liaison` binary as a subprocess, as a script or a support technician would.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function liaison(...args: string[]) {
  const run = spawnSync(process.execPath, ['packages/cli/bin/liaison.js', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('liaison ids check', () => {
  it('prints exactly kind, value, valid, reason as one JSON line and exits 0 for a valid RPPS', () => {
    const run = liaison('ids', 'check', 'rpps', '12345678903', '--json');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const parsed: unknown = JSON.parse(lines[0] ?? '');
    expect(Object.keys(parsed as object)).toEqual(['kind', 'value', 'valid', 'reason']);
    expect(parsed).toEqual({ kind: 'rpps', value: '12345678903', valid: true, reason: null });
  });

  it('exits 1 with the reason for a bad check digit', () => {
    const run = liaison('ids', 'check', 'rpps', '12345678904', '--json');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      kind: 'rpps',
      value: '12345678904',
      valid: false,
      reason: 'bad check digit',
    });
  });

  it('normalises a NIR given with spaces, in one argument or several', () => {
    const quoted = liaison('ids', 'check', 'nir', '1 84 12 76 451 089 46', '--json');
    const split = liaison('ids', 'check', 'nir', '1', '84', '12', '76', '451', '089', '46', '--json');
    for (const run of [quoted, split]) {
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ value: '184127645108946', valid: true });
    }
  });

  it('prints a human line without --json', () => {
    const ok = liaison('ids', 'check', 'finess', '010000016');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('FINESS 010000016: OK\n');
    const ko = liaison('ids', 'check', 'finess', '010000017');
    expect(ko.status).toBe(1);
    expect(ko.stdout).toBe('FINESS 010000017: KO (bad check digit)\n');
  });

  it('exits 2 with a message on stderr for an unknown kind', () => {
    const run = liaison('ids', 'check', 'siret', '12345678903', '--json');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown identifier kind "siret"');
    expect(run.stderr).toContain('rpps, adeli, finess, nir');
  });
});
