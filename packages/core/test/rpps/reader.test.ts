import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../src/ids/luhn.ts';
import {
  readRppsExtraction,
  RPPS_COLUMN_COUNT,
  RPPS_EXTRACTION_COLUMNS,
  rppsColumnIndex,
  RppsHeaderError,
  rppsHeaderLine,
  splitLines,
  type RppsColumn,
  type RppsPerson,
  type RppsWarning,
} from '../../src/rpps/index.ts';

const HEADER = rppsHeaderLine();

function rppsWithKey(body10: string): string {
  return body10 + luhnCheckDigit(body10);
}
const A = rppsWithKey('9900000001');
const B = rppsWithKey('9900000002');

/** A row built by column name; every other cell empty, trailing `|` as in the published files. */
function row(fields: Partial<Record<RppsColumn, string>>, trailingPipe = true): string {
  const cells = new Array<string>(RPPS_COLUMN_COUNT).fill('');
  for (const [column, value] of Object.entries(fields) as [RppsColumn, string][]) {
    cells[rppsColumnIndex(column)] = value;
  }
  return cells.join('|') + (trailingPipe ? '|' : '');
}

function person(rpps: string, extra: Partial<Record<RppsColumn, string>> = {}): string {
  return row({
    "Type d'identifiant PP": '8',
    'Identifiant PP': rpps,
    'Identification nationale PP': '8' + rpps,
    "Nom d'exercice": 'LEFÈVRE',
    "Prénom d'exercice": 'Anaïs',
    'Code profession': '10',
    'Libellé profession': 'Médecin',
    ...extra,
  });
}

async function readAll(lines: Iterable<string> | AsyncIterable<string>): Promise<{
  persons: RppsPerson[];
  warnings: RppsWarning[];
}> {
  const persons: RppsPerson[] = [];
  const warnings: RppsWarning[] = [];
  for await (const p of readRppsExtraction(lines, { onWarning: (w) => warnings.push(w) })) persons.push(p);
  return { persons, warnings };
}

describe('RPPS extraction header', () => {
  it('has the 56 published columns, starting and ending where the national file does', () => {
    expect(RPPS_EXTRACTION_COLUMNS).toHaveLength(56);
    expect(RPPS_EXTRACTION_COLUMNS[0]).toBe("Type d'identifiant PP");
    expect(RPPS_EXTRACTION_COLUMNS[9]).toBe('Code profession');
    expect(RPPS_EXTRACTION_COLUMNS[55]).toBe('Libellé genre activité');
    expect(new Set(RPPS_EXTRACTION_COLUMNS).size).toBe(56);
  });

  it('accepts the exact header, with or without the trailing pipe', async () => {
    await expect(readAll([HEADER])).resolves.toEqual({ persons: [], warnings: [] });
    await expect(readAll([rppsHeaderLine(false)])).resolves.toEqual({ persons: [], warnings: [] });
  });

  it('names the first differing column', async () => {
    const renamed = HEADER.replace("Nom d'exercice", 'Nom');
    const error = await readAll([renamed]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RppsHeaderError);
    expect(error).toMatchObject({ column: 8, expected: "Nom d'exercice", actual: 'Nom' });
    expect((error as Error).message).toContain('column 8');
  });

  it('reports a missing last column and an extra one', async () => {
    const short = RPPS_EXTRACTION_COLUMNS.slice(0, 55).join('|') + '|';
    await expect(readAll([short])).rejects.toMatchObject({
      column: 56,
      expected: 'Libellé genre activité',
      actual: null,
    });
    await expect(readAll([HEADER + 'Colonne ajoutée|'])).rejects.toMatchObject({
      column: 57,
      expected: null,
      actual: 'Colonne ajoutée',
    });
  });

  it('refuses an empty input rather than reading nothing quietly', async () => {
    await expect(readAll([])).rejects.toBeInstanceOf(RppsHeaderError);
  });
});

describe('readRppsExtraction', () => {
  it('groups consecutive rows of one RPPS into one person with its activities', async () => {
    const { persons, warnings } = await readAll([
      HEADER,
      person(A, {
        'Code savoir-faire': 'SM53',
        'Libellé savoir-faire': 'Spécialiste en Médecine générale',
        'Code postal (coord. structure)': '29200',
      }),
      person(A, { 'Numéro FINESS site': '290000017', 'Raison sociale site': 'CENTRE HOSPITALIER' }),
      person(A, { 'Enseigne commerciale site': 'MAISON DE SANTÉ' }),
      person(B, {
        'Code profession': '60',
        'Libellé profession': 'Infirmier',
        'Code rôle': 'R1',
        'Libellé rôle': 'Rôle',
      }),
    ]);
    expect(warnings).toEqual([]);
    expect(persons.map((p) => [p.rpps, p.activities.length, p.firstLine])).toEqual([
      [A, 3, 2],
      [B, 1, 5],
    ]);
    const [first, second] = persons;
    expect(first).toMatchObject({
      identifierType: '8',
      nationalId: '8' + A,
      rppsKeyValid: true,
      lastName: 'LEFÈVRE',
      firstName: 'Anaïs',
      profession: { code: '10', label: 'Médecin' },
      civility: null,
    });
    expect(first?.activities[0]).toMatchObject({
      line: 2,
      specialty: 'SM53',
      postcode: '29200',
      structureName: null,
    });
    expect(first?.activities[1]).toMatchObject({
      line: 3,
      finessSite: '290000017',
      structureName: 'CENTRE HOSPITALIER',
    });
    // The trade name stands in when the legal name is empty.
    expect(first?.activities[2]).toMatchObject({ structureName: 'MAISON DE SANTÉ' });
    expect(second?.activities[0]?.role).toEqual({ code: 'R1', label: 'Rôle' });
  });

  it('maps only TRE_R38 codes to a specialty', async () => {
    const { persons } = await readAll([
      HEADER,
      person(A, { 'Code savoir-faire': 'SM99', 'Libellé savoir-faire': 'Inconnue' }),
      person(B, { 'Code savoir-faire': 'SM26' }),
    ]);
    expect(persons.map((p) => p.activities[0]?.specialty)).toEqual([null, 'SM26']);
    expect(persons[0]?.activities[0]?.savoirFaire).toEqual({ code: 'SM99', label: 'Inconnue' });
  });

  it('reads rows with and without the trailing pipe alike', async () => {
    const withPipe = person(A);
    const withoutPipe = withPipe.slice(0, -1);
    const a = await readAll([HEADER, withPipe]);
    const b = await readAll([HEADER, withoutPipe]);
    expect(b).toEqual(a);
    expect(a.persons).toHaveLength(1);
  });

  it('tolerates a BOM and CRLF, even when a chunk ends between \\r and \\n', async () => {
    const text = '\uFEFF' + [HEADER, person(A), person(B)].join('\r\n') + '\r\n';
    const cut = text.indexOf('\n', HEADER.length + 10);
    const chunks = [text.slice(0, 3), text.slice(3, cut), text.slice(cut, cut + 7), text.slice(cut + 7)];
    expect(chunks[1]?.endsWith('\r')).toBe(true);
    const { persons, warnings } = await readAll(splitLines(chunks));
    expect(warnings).toEqual([]);
    expect(persons.map((p) => p.rpps)).toEqual([A, B]);
    expect(persons[1]?.firstName).toBe('Anaïs');
  });

  it('reports malformed rows with their line number and goes on', async () => {
    const { persons, warnings } = await readAll([HEADER, person(A), 'a|b|c', '', person(B) + 'extra|']);
    expect(persons.map((p) => p.rpps)).toEqual([A]);
    expect(warnings).toEqual([
      { kind: 'malformed-row', line: 3, message: 'expected 56 fields, found 3' },
      { kind: 'malformed-row', line: 4, message: 'expected 56 fields, found 1' },
      { kind: 'malformed-row', line: 5, message: 'expected 56 fields, found 58' },
    ]);
  });

  it('keeps persons whose RPPS key is wrong, with a warning once per person', async () => {
    const bad = A.slice(0, 10) + String((Number(A[10]) + 1) % 10);
    const { persons, warnings } = await readAll([HEADER, person(bad), person(bad), person(B)]);
    expect(persons.map((p) => [p.rpps, p.rppsKeyValid, p.activities.length])).toEqual([
      [bad, false, 2],
      [B, true, 1],
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ kind: 'bad-rpps-key', line: 2, rpps: bad });
  });

  it('warns about rows without identifier and about identity changes inside a group', async () => {
    const { persons, warnings } = await readAll([
      HEADER,
      person(''),
      person(A),
      person(A, { "Nom d'exercice": 'AUTRE' }),
    ]);
    expect(persons).toHaveLength(1);
    expect(persons[0]?.lastName).toBe('LEFÈVRE');
    expect(warnings.map((w) => [w.kind, w.line])).toEqual([
      ['missing-identifier', 2],
      ['inconsistent-identity', 4],
    ]);
  });

  it('yields separate records when one RPPS reappears later (the importer upserts)', async () => {
    const { persons } = await readAll([HEADER, person(A), person(B), person(A)]);
    expect(persons.map((p) => p.rpps)).toEqual([A, B, A]);
  });

  it("yields each person before pulling the next person's second row", async () => {
    let pulled = 0;
    function* source(): Generator<string> {
      for (const line of [HEADER, person(A), person(A), person(B), person(B), person(B)]) {
        pulled++;
        yield line;
      }
    }
    const seen: [string, number][] = [];
    for await (const p of readRppsExtraction(source(), { onWarning: () => undefined }))
      seen.push([p.rpps, pulled]);
    // A is out once B's first row (line 4) is read, before line 5.
    expect(seen).toEqual([
      [A, 4],
      [B, 6],
    ]);
  });
});
