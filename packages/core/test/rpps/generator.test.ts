import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidFiness, isValidRpps } from '../../src/ids/index.ts';
import {
  generateRppsExtraction,
  generateRppsPersons,
  readRppsExtraction,
  RPPS_COLUMN_COUNT,
  RPPS_EXTRACTION_COLUMNS,
  rppsColumnIndex,
  RppsExtractionParser,
  splitLines,
  type RppsPerson,
  type RppsWarning,
} from '../../src/rpps/index.ts';

describe('generateRppsExtraction', () => {
  it('writes the exact header, trailing pipe included by default', () => {
    const [header] = generateRppsExtraction({ persons: 0, seed: 1 });
    expect(header).toBe(RPPS_EXTRACTION_COLUMNS.join('|') + '|');
    const [bare] = generateRppsExtraction({ persons: 0, seed: 1, trailingPipe: false });
    expect(bare).toBe(RPPS_EXTRACTION_COLUMNS.join('|'));
  });

  it('is reproducible for a seed and differs between seeds', () => {
    const a = [...generateRppsExtraction({ persons: 50, seed: 7 })];
    expect([...generateRppsExtraction({ persons: 50, seed: 7 })]).toEqual(a);
    expect([...generateRppsExtraction({ persons: 50, seed: 8 })]).not.toEqual(a);
  });

  it('produces plausible synthetic rows: valid keys, 99 prefix, several activities, accents, SM codes', () => {
    const persons = [...generateRppsPersons({ persons: 500, seed: 3 })];
    const rows = persons.flatMap((p) => p.rows);
    expect(rows.every((r) => r.length === RPPS_COLUMN_COUNT)).toBe(true);
    expect(persons.every((p) => p.rpps.startsWith('99') && isValidRpps(p.rpps))).toBe(true);
    expect(new Set(persons.map((p) => p.rpps)).size).toBe(500);
    expect(persons.some((p) => p.rows.length > 1)).toBe(true);
    const col = (name: (typeof RPPS_EXTRACTION_COLUMNS)[number]) =>
      rows.map((r) => r[rppsColumnIndex(name)] ?? '');
    expect(col("Nom d'exercice").some((n) => /[À-ÿ]/.test(n))).toBe(true);
    expect(col('Code savoir-faire').some((c) => /^SM\d{2}$/.test(c))).toBe(true);
    expect(
      col('Numéro FINESS site')
        .filter((f) => f !== '')
        .every(isValidFiness),
    ).toBe(true);
    expect(
      col('Adresse e-mail (coord. structure)')
        .filter((e) => e !== '')
        .every((e) => e.endsWith('@sante.example')),
    ).toBe(true);
  });

  it('breaks keys only when asked', () => {
    const none = [...generateRppsPersons({ persons: 300, seed: 5 })];
    expect(none.some((p) => p.badKey)).toBe(false);
    const some = [...generateRppsPersons({ persons: 300, seed: 5, badKeyRate: 0.1 })];
    const bad = some.filter((p) => p.badKey);
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.every((p) => !isValidRpps(p.rpps))).toBe(true);
    expect(some.filter((p) => !p.badKey).every((p) => isValidRpps(p.rpps))).toBe(true);
  });
});

describe('generator → reader round trip', () => {
  it('gives back every person with all their rows, whatever the chunking and line endings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          persons: fc.integer({ min: 0, max: 40 }),
          seed: fc.integer(),
          badKeyRate: fc.constantFrom(0, 0.25),
          trailingPipe: fc.boolean(),
          eol: fc.constantFrom('\n', '\r\n'),
          bom: fc.boolean(),
          chunk: fc.integer({ min: 1, max: 500 }),
        }),
        async ({ persons, seed, badKeyRate, trailingPipe, eol, bom, chunk }) => {
          const options = { persons, seed, badKeyRate, trailingPipe };
          const text = (bom ? '\uFEFF' : '') + [...generateRppsExtraction(options)].join(eol) + eol;
          const chunks: string[] = [];
          for (let i = 0; i < text.length; i += chunk) chunks.push(text.slice(i, i + chunk));

          const read: RppsPerson[] = [];
          const warnings: RppsWarning[] = [];
          for await (const p of readRppsExtraction(splitLines(chunks), {
            onWarning: (w) => warnings.push(w),
          })) {
            read.push(p);
          }
          const expected = [...generateRppsPersons(options)];
          expect(read.map((p) => p.rpps)).toEqual(expected.map((p) => p.rpps));
          expect(read.map((p) => p.rppsKeyValid)).toEqual(expected.map((p) => !p.badKey));
          expect(warnings.map((w) => w.kind)).toEqual(
            expected.filter((p) => p.badKey).map(() => 'bad-rpps-key'),
          );
          read.forEach((person, i) => {
            const rows = expected[i]?.rows ?? [];
            const first = rows[0] ?? [];
            const at = (r: readonly string[], name: (typeof RPPS_EXTRACTION_COLUMNS)[number]) =>
              r[rppsColumnIndex(name)];
            expect(person.lastName).toBe(at(first, "Nom d'exercice"));
            expect(person.firstName).toBe(at(first, "Prénom d'exercice"));
            expect(person.profession?.code).toBe(at(first, 'Code profession'));
            expect(
              person.activities.map((a) => [a.postcode, a.finessSite ?? '', a.savoirFaire?.code ?? '']),
            ).toEqual(
              rows.map((r) => [
                at(r, 'Code postal (coord. structure)'),
                at(r, 'Numéro FINESS site'),
                at(r, 'Code savoir-faire'),
              ]),
            );
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('streaming', () => {
  it('reads 200,000 generated persons holding one person at a time', async () => {
    const persons = 200_000;
    let pulled = 0;
    function* counted(): Generator<string> {
      for (const line of generateRppsExtraction({ persons, seed: 2026 })) {
        pulled++;
        yield line;
      }
    }
    let yielded = 0;
    let rowsYielded = 0;
    let maxAhead = 0;
    for await (const person of readRppsExtraction(counted(), { onWarning: () => undefined })) {
      yielded++;
      rowsYielded += person.activities.length;
      // Lines pulled beyond the header and the rows already handed out: only the next person's first
      // row may be waiting (none at the very end). More would mean the reader buffers ahead.
      maxAhead = Math.max(maxAhead, pulled - 1 - rowsYielded);
    }
    expect(yielded).toBe(persons);
    expect(pulled).toBe(1 + rowsYielded);
    expect(maxAhead).toBe(1);
  });

  it("exposes the rows it buffers, never more than one person's", () => {
    const parser = new RppsExtractionParser(() => undefined);
    let maxBuffered = 0;
    let emitted = 0;
    for (const line of generateRppsExtraction({ persons: 2_000, seed: 9 })) {
      if (parser.pushLine(line) !== null) emitted++;
      maxBuffered = Math.max(maxBuffered, parser.bufferedRows);
    }
    if (parser.end() !== null) emitted++;
    expect(emitted).toBe(2_000);
    // The generator gives a person at most 4 activities.
    expect(maxBuffered).toBeLessThanOrEqual(4);
    expect(parser.bufferedRows).toBe(0);
  });
});
