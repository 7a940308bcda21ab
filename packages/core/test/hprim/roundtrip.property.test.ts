/**
 * Whatever buildHprim writes, parseHprim reads back to the same data: headers, text and results,
 * through a string and through bytes in UTF-8 and Windows-1252.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildHprim,
  encodeHprimReport,
  parseHprim,
  type HprimDocument,
  type HprimHeader,
  type HprimResult,
} from '../../src/hprim/index.ts';

const NOW = new Date('2026-06-01T12:00:00Z');
const TAGS = new Set(['****LAB****', '****FIN****', '****FINFICHIER****']);
const POSTCODE_FIRST = /^(?:[0-9]{5}|2[AB][0-9]{3})(?:\s|$)/i;

/** Windows-1252 can write all of these, so the byte round trip loses nothing. */
const CHARS = [...'abcXYZ0129 éèàçÉœŒ€’…-/.,;:*+<>()#'];

function chars(extra: string[] = []) {
  return fc.string({ unit: fc.constantFrom(...CHARS, ...extra), maxLength: 20 });
}

const notTag = (s: string) => !TAGS.has(s.trim().toUpperCase());

/** A header or RES value as the reader gives it: trimmed, non-empty, or null. */
function field(extra: string[] = []) {
  return fc.option(
    chars(extra)
      .map((s) => s.trim())
      .filter((s) => s !== '' && notTag(s)),
    { nil: null },
  );
}

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const header: fc.Arbitrary<HprimHeader> = fc.record({
  patientId: field(['|']),
  lastName: field(['|']),
  firstName: field(),
  address1: field(['|']),
  address2: field(),
  postalCode: fc.option(fc.stringMatching(/^(?:[0-9]{5}|2[AB][0-9]{3})$/), { nil: null }),
  // A city that starts with a postcode would be read back as postcode + city.
  city: field().filter((c) => c === null || !POSTCODE_FIRST.test(c)),
  birthDate: fc.option(isoDate, { nil: null }),
  nir: fc.option(fc.stringMatching(/^[0-9]{5}(?:[0-9]{2}|2[AB])[0-9]{6} [0-9]{2}$/), { nil: null }),
  fileNumber: field(),
  documentDate: fc.option(isoDate, { nil: null }),
  sender: field(['|']),
  recipient: field(['|']),
});

/** A type N value written with a comma or a dot, and the number it stands for. */
const numericValue = fc
  .record({
    sign: fc.constantFrom('', '-', '+'),
    whole: fc.nat({ max: 99999 }),
    fraction: fc.stringMatching(/^[0-9]{0,3}$/),
    separator: fc.constantFrom(',', '.'),
  })
  .map(({ sign, whole, fraction, separator }) => {
    const magnitude = Number(`${whole}.${fraction || '0'}`);
    return {
      value: `${sign}${whole}${fraction ? separator + fraction : ''}`,
      numeric: sign === '-' ? -magnitude : magnitude,
    };
  });

const result: fc.Arbitrary<HprimResult> = fc
  .record({
    label: field(),
    code: field(),
    kind: fc.constantFrom('N', 'A', 'C', null),
    number: fc.option(numericValue, { nil: null }),
    text: field(),
    unit: field(),
    low: field(),
    high: field(),
    flag: field(),
    status: field(),
    value2: field(),
    unit2: field(),
    low2: field(),
    high2: field(),
  })
  .map(({ kind, number, text, ...rest }) => ({
    label: rest.label,
    code: rest.code,
    type: kind,
    value: kind === 'N' ? (number?.value ?? null) : text,
    numeric: kind === 'N' ? (number?.numeric ?? null) : null,
    unit: rest.unit,
    low: rest.low,
    high: rest.high,
    flag: rest.flag,
    status: rest.status,
    value2: rest.value2,
    unit2: rest.unit2,
    low2: rest.low2,
    high2: rest.high2,
  }));

/** Text lines keep their spaces and tabs; only lines that read as tags are left out. */
const text = fc.array(chars(['\t', '|']).filter(notTag), { maxLength: 6 }).map((lines) => lines.join('\n'));

const documents = fc.array(fc.record({ header, text, results: fc.array(result, { maxLength: 5 }) }), {
  maxLength: 4,
});

function data(docs: readonly Pick<HprimDocument, 'header' | 'text' | 'results'>[]) {
  return docs.map(({ header: h, text: t, results: r }) => ({ header: h, text: t, results: r }));
}

describe('HPRIM build → parse', () => {
  it('reads back what it wrote, as a string', () => {
    fc.assert(
      fc.property(documents, (docs) => {
        const parsed = parseHprim(buildHprim(docs), { now: NOW });
        expect(parsed.valid).toBe(true);
        expect(data(parsed.documents)).toEqual(data(docs));
      }),
      { numRuns: 300 },
    );
  });

  it('reads back what it wrote, as UTF-8 (detected) and Windows-1252 (forced) bytes', () => {
    fc.assert(
      fc.property(documents, fc.constantFrom('utf-8' as const, 'windows-1252' as const), (docs, encoding) => {
        const encoded = encodeHprimReport(buildHprim(docs), encoding);
        expect(encoded.replaced).toEqual([]);
        const parsed = parseHprim(encoded.bytes, {
          now: NOW,
          ...(encoding === 'windows-1252' ? { encoding } : {}),
        });
        expect(parsed.encoding).toBe(encoding);
        expect(parsed.valid).toBe(true);
        expect(data(parsed.documents)).toEqual(data(docs));
      }),
      { numRuns: 200 },
    );
  });
});
