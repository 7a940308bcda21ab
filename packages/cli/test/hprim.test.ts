/**
 * Runs the real `liaison hprim` binary as a subprocess, on the core's fixture files.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = 'packages/core/test/hprim/fixtures';
const work = mkdtempSync(join(tmpdir(), 'liaison-hprim-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

function liaison(...args: string[]) {
  const run = spawnSync(process.execPath, ['packages/cli/bin/liaison.js', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function fixture(name: string): string {
  return `${FIXTURES}/${name}`;
}

interface Json {
  valid: boolean;
  documents: {
    header: Record<string, string | null>;
    text: string;
    results: unknown[];
    warnings: unknown[];
  }[];
}

function parseJson(stdout: string): Json {
  const lines = stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '') as Json;
}

describe('liaison hprim parse', () => {
  it('prints the documented JSON, keys in order, and exits 0 for a valid file', () => {
    const run = liaison('hprim', 'parse', fixture('lab-cp1252-crlf.hpr'), '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = parseJson(run.stdout);
    const expected: unknown = JSON.parse(
      readFileSync(join(repoRoot, fixture('lab-cp1252-crlf.expected.json')), 'utf8'),
    );
    expect(json).toStrictEqual(expected);
    expect(Object.keys(json)).toEqual(['valid', 'documents']);
    expect(Object.keys(json.documents[0] ?? {})).toEqual(['header', 'text', 'results', 'warnings']);
    expect(Object.keys(json.documents[0]?.header ?? {})).toEqual([
      'patientId',
      'lastName',
      'firstName',
      'address1',
      'address2',
      'postalCode',
      'city',
      'birthDate',
      'nir',
      'fileNumber',
      'documentDate',
      'sender',
      'recipient',
    ]);
    expect(Object.keys(json.documents[0]?.results[0] ?? {})).toEqual([
      'label',
      'code',
      'type',
      'value',
      'numeric',
      'unit',
      'low',
      'high',
      'flag',
      'status',
      'value2',
      'unit2',
      'low2',
      'high2',
    ]);
  });

  it('prints a human summary without --json', () => {
    const file = fixture('two-documents.hpr');
    const run = liaison('hprim', 'parse', file);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        `${file}: 2 documents, utf-8, valid`,
        '1. GARNIER Théo, born 1975-09-01, 2 results, 2 warnings',
        '   line 15: HPRIM_RES_FIELDS the RES line has 15 fields, 13 expected; the extra text is "2.00|note"',
        '   line 17: HPRIM_TAG_CASE the tag ****FIN**** is not in upper case',
        '2. HOARAU Inès, born 1998-03-05, 1 result, 1 warning',
        '   line 31: HPRIM_TAG_CASE the line tag "res" is not in upper case',
        '',
      ].join('\n'),
    );
  });

  it('exits 1 for a file that is read but not valid', () => {
    const run = liaison('hprim', 'parse', fixture('missing-finfichier.hpr'), '--json');
    expect(run.status).toBe(1);
    const json = parseJson(run.stdout);
    expect(json.valid).toBe(false);
    expect(json.documents[0]?.warnings).toEqual([
      {
        code: 'HPRIM_FINFICHIER_MISSING',
        line: null,
        message: 'the file does not end with ****FINFICHIER****',
      },
    ]);
    const human = liaison('hprim', 'parse', fixture('after-finfichier.hpr'));
    expect(human.status).toBe(1);
    expect(human.stdout).toContain('NOT VALID');
    expect(human.stdout).toContain('line 17: HPRIM_TRAILING_CONTENT');
  });

  it.each([
    ['a missing file', [`${FIXTURES}/nothing-here.hpr`], /cannot read .*nothing-here\.hpr/],
    ['a directory', [FIXTURES], /cannot read .*EISDIR/],
    ['a binary file', [fixture('binary.bin')], /not a text file: NUL byte at offset 9/],
    ['an unknown --encoding', [fixture('latin1.hpr'), '--encoding', 'utf-16'], /unknown encoding "utf-16"/],
  ])('exits 2 with one HPRIM_UNREADABLE line for %s', (_what, args, message) => {
    const run = liaison('hprim', 'parse', ...args, '--json');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^HPRIM_UNREADABLE: /);
    expect(lines[0]).toMatch(message);
  });

  it('reads in the encoding --encoding forces', () => {
    const detected = parseJson(liaison('hprim', 'parse', fixture('lab-cp1252-crlf.hpr'), '--json').stdout);
    expect(detected.documents[0]?.header.sender).toBe('LABO01 Laboratoire Cœur de Ville');
    const latin1 = liaison(
      'hprim',
      'parse',
      fixture('lab-cp1252-crlf.hpr'),
      '--json',
      '--encoding',
      'iso-8859-1',
    );
    expect(latin1.status).toBe(0);
    expect(parseJson(latin1.stdout).documents[0]?.header.sender).toBe(
      'LABO01 Laboratoire C\u009Cur de Ville',
    );
    const utf8 = liaison('hprim', 'parse', fixture('latin1.hpr'), '--json', '--encoding', 'UTF-8');
    expect(utf8.status).toBe(0);
    const doc = parseJson(utf8.stdout).documents[0];
    expect(doc?.header.firstName).toBe('Fran\uFFFDoise');
    expect(doc?.warnings[0]).toMatchObject({ code: 'HPRIM_ENCODING_LOSSY', line: null });
  });
});

describe('liaison hprim build', () => {
  it('writes Windows-1252 CRLF by default, and the file parses back to the same JSON', () => {
    const source = liaison('hprim', 'parse', fixture('lab-cp1252-crlf.hpr'), '--json');
    const jsonFile = join(work, 'lab.json');
    const out = join(work, 'lab.hpr');
    writeFileSync(jsonFile, source.stdout);
    const build = liaison('hprim', 'build', '--json', jsonFile, '--out', out);
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.includes(Buffer.from('Laboratoire C\x9Cur', 'latin1'))).toBe(true);
    expect(bytes.toString('latin1')).toContain('\r\n****FINFICHIER****\r\n');
    const again = liaison('hprim', 'parse', out, '--json');
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toStrictEqual(JSON.parse(source.stdout));
  });

  it('writes UTF-8 on request', () => {
    const jsonFile = join(work, 'utf8.json');
    const out = join(work, 'utf8.hpr');
    writeFileSync(
      jsonFile,
      JSON.stringify([{ header: { lastName: 'ŒUVRARD', firstName: 'Zoé' }, text: 'Ā' }]),
    );
    const build = liaison('hprim', 'build', '--json', jsonFile, '--out', out, '--encoding', 'utf-8');
    expect(build.status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\r\nŒUVRARD\r\nZoé\r\n')).toBe(true);
    expect(text).toContain('\r\nĀ\r\n****FIN****\r\n');
  });

  it('exits 1 and lists the characters Windows-1252 cannot write, written as "?"', () => {
    const jsonFile = join(work, 'lossy.json');
    const out = join(work, 'lossy.hpr');
    writeFileSync(jsonFile, JSON.stringify({ documents: [{ header: { lastName: 'Ā' }, text: 'ok 😀' }] }));
    const build = liaison('hprim', 'build', '--json', jsonFile, '--out', out);
    expect(build.status).toBe(1);
    expect(build.stderr).toBe(
      `HPRIM_UNENCODABLE: 2 characters cannot be written in windows-1252, written as '?': "Ā" "😀"\n`,
    );
    expect(readFileSync(out, 'latin1')).toContain('\r\n?\r\n');
  });

  it('exits 2 for JSON that is unreadable or not the hprim shape', () => {
    const broken = join(work, 'broken.json');
    writeFileSync(broken, '{"documents": [');
    const bad = liaison('hprim', 'build', '--json', broken, '--out', join(work, 'x.hpr'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^HPRIM_UNREADABLE: .*broken\.json is not UTF-8 JSON/);
    const wrong = join(work, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ documents: [{ header: { lastName: 12 } }] }));
    const shape = liaison('hprim', 'build', '--json', wrong, '--out', join(work, 'y.hpr'));
    expect(shape.status).toBe(2);
    expect(shape.stderr).toMatch(/^HPRIM_JSON_INVALID: .*documents\.0\.header\.lastName/);
  });
});
