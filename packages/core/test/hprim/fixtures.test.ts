/**
 * A corpus of real-world shapes, as files (fixtures/): line endings, encodings and tags exactly as
 * practice software and labs write them. Synthetic people only.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHprim, toHprimJson, type HprimParseResult } from '../../src/hprim/index.ts';

const NOW = new Date('2026-06-01T12:00:00Z');

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
}

function parseFixture(name: string): HprimParseResult {
  return parseHprim(fixture(name), { now: NOW });
}

function expected(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
}

function codes(result: HprimParseResult, doc = 0): string[] {
  return (result.documents[doc]?.warnings ?? []).map((w) => w.code);
}

describe('HPRIM fixtures: exact JSON', () => {
  it('reads a UTF-8 letter with LF endings, padded and spaced fields, blank and indented text lines', () => {
    const result = parseFixture('letter-lf.hpr');
    expect(result.encoding).toBe('utf-8');
    expect(toHprimJson(result)).toStrictEqual(expected('letter-lf.expected.json'));
  });

  it('reads a Windows-1252 lab file with CRLF: comma decimals, grouped thousands, short RES lines, TEX', () => {
    const result = parseFixture('lab-cp1252-crlf.hpr');
    expect(result.encoding).toBe('windows-1252');
    expect(toHprimJson(result)).toStrictEqual(expected('lab-cp1252-crlf.expected.json'));
  });

  it('gives the keys in the documented order', () => {
    const json = toHprimJson(parseFixture('lab-cp1252-crlf.hpr'));
    expect(Object.keys(json)).toEqual(['valid', 'documents']);
    const doc = json.documents[0];
    expect(Object.keys(doc ?? {})).toEqual(['header', 'text', 'results', 'warnings']);
    expect(Object.keys(doc?.header ?? {})).toEqual([
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
    expect(Object.keys(doc?.results[0] ?? {})).toEqual([
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
});

describe('HPRIM fixtures: targeted fields', () => {
  it('reads two documents with mixed CRLF/LF, lower-case tags, a 15-field RES line and a final Ctrl-Z', () => {
    const result = parseFixture('two-documents.hpr');
    expect(result.valid).toBe(true);
    expect(result.documents).toHaveLength(2);
    const [first, second] = result.documents;
    expect(first?.header.lastName).toBe('GARNIER');
    expect(first?.text).toBe('Bilan lipidique.');
    expect(first?.results.map((r) => [r.label, r.value, r.numeric, r.high2])).toEqual([
      ['Cholestérol total', '5.2', 5.2, '1.93'],
      ['Triglycérides', '1,1', 1.1, null],
    ]);
    expect(first?.results[1]).toMatchObject({ unit: 'mmol/l', low: null, status: null, value2: null });
    expect(first?.warnings).toEqual([
      {
        code: 'HPRIM_RES_FIELDS',
        line: 15,
        message: 'the RES line has 15 fields, 13 expected; the extra text is "2.00|note"',
      },
      { code: 'HPRIM_TAG_CASE', line: 17, message: 'the tag ****FIN**** is not in upper case' },
    ]);
    expect(second?.header).toMatchObject({
      patientId: 'B-2',
      postalCode: '97400',
      city: 'SAINT-DENIS',
      birthDate: '1998-03-05',
      documentDate: '2026-06-02',
    });
    expect(second?.results.map((r) => [r.label, r.numeric])).toEqual([['Potassium', 4.2]]);
    expect(codes(result, 1)).toEqual(['HPRIM_TAG_CASE']);
    expect(second?.warnings[0]?.line).toBe(31);
  });

  it('detects ISO-8859-1 when no byte is in 0x80-0x9F', () => {
    const result = parseFixture('latin1.hpr');
    expect(result.encoding).toBe('iso-8859-1');
    const doc = result.documents[0];
    expect(doc?.header).toMatchObject({ lastName: 'BESANÇON', firstName: 'Françoise', city: 'BESANÇON' });
    expect(doc?.text).toBe('Créatinine à contrôler.');
    expect(doc?.results[0]).toMatchObject({ label: 'Créatinine', unit: 'µmol/l', numeric: 88 });
  });

  it('drops a UTF-8 BOM and reads characters Latin-1 lacks', () => {
    const result = parseFixture('utf8-bom.hpr');
    expect(result.encoding).toBe('utf-8');
    expect(result.documents[0]?.header.patientId).toBe('U1');
    expect(result.documents[0]?.header.lastName).toBe('ŒUVRARD');
    expect(result.documents[0]?.text).toBe('Facture : 20 €.');
  });

  it('is not valid without ****FINFICHIER****, and says so on the last document', () => {
    const result = parseFixture('missing-finfichier.hpr');
    expect(result.valid).toBe(false);
    expect(result.documents[0]?.text).toBe('Texte.');
    expect(result.documents[0]?.warnings).toEqual([
      {
        code: 'HPRIM_FINFICHIER_MISSING',
        line: null,
        message: 'the file does not end with ****FINFICHIER****',
      },
    ]);
  });

  it('is not valid with content after ****FINFICHIER****, which is quoted whole in the warning', () => {
    const result = parseFixture('after-finfichier.hpr');
    expect(result.valid).toBe(false);
    expect(result.documents).toHaveLength(1);
    expect(result.documents[0]?.warnings).toEqual([
      {
        code: 'HPRIM_TRAILING_CONTENT',
        line: 17,
        message: 'content after ****FINFICHIER****: "Envoyé par LaboSoft v2.3\\nfin"',
      },
    ]);
  });

  it('places two-digit birth years in the past, other two-digit years in 20yy', () => {
    const result = parseFixture('birth-years.hpr');
    expect(result.valid).toBe(true);
    expect(result.documents.map((d) => d.header.birthDate)).toEqual([
      '1998-03-05',
      '2024-02-01',
      '1930-06-15',
    ]);
    expect(result.documents[0]?.header.documentDate).toBe('2026-01-10');
    expect(result.documents.flatMap((d) => d.warnings)).toEqual([]);
  });

  it('keeps a bad NIR key and reports it; impossible dates become null; a city without postcode is kept', () => {
    const result = parseFixture('bad-header.hpr');
    expect(result.valid).toBe(true);
    expect(result.documents[0]?.header).toMatchObject({
      postalCode: null,
      city: 'PARIS',
      birthDate: null,
      nir: '1840275115004 88',
      documentDate: null,
    });
    expect(result.documents[0]?.warnings.map((w) => [w.code, w.line])).toEqual([
      ['HPRIM_POSTCODE', 6],
      ['HPRIM_DATE_INVALID', 7],
      ['HPRIM_NIR_KEY', 8],
      ['HPRIM_DATE_INVALID', 10],
    ]);
    expect(result.documents[0]?.warnings[2]?.message).toBe(
      'the NIR key is 88, 87 expected for 1840275115004',
    );
  });

  it('fills a short header with null and reports it at the tag', () => {
    const result = parseFixture('header-short.hpr');
    expect(result.valid).toBe(true);
    expect(result.documents[0]?.header).toMatchObject({
      patientId: 'H1',
      lastName: 'VINCENT',
      firstName: 'Rémi',
    });
    expect(result.documents[0]?.header.birthDate).toBeNull();
    expect(result.documents[0]?.header.recipient).toBeNull();
    expect(result.documents[0]?.warnings).toEqual([
      {
        code: 'HPRIM_HEADER_SHORT',
        line: 6,
        message: 'the document has 5 header lines before ****FIN****, 12 expected',
      },
    ]);
  });

  it('is not valid when ****FINFICHIER**** comes before the document is closed', () => {
    const result = parseFixture('fin-missing.hpr');
    expect(result.valid).toBe(false);
    expect(result.documents[0]?.text).toBe('Lettre sans fin.');
    expect(codes(result)).toEqual(['HPRIM_FIN_MISSING']);
    expect(result.documents[0]?.warnings[0]?.line).toBe(14);
  });

  it('is not valid with a LAB section after ****FIN****, whose results are still kept', () => {
    const result = parseFixture('lab-after-fin.hpr');
    expect(result.valid).toBe(false);
    expect(result.documents).toHaveLength(2);
    expect(result.documents[1]?.results[0]).toMatchObject({ label: 'Sodium', numeric: 140 });
    expect(codes(result, 1)).toEqual(['HPRIM_HEADER_SHORT', 'HPRIM_TAG_ORDER']);
    expect(result.documents[1]?.warnings[1]?.line).toBe(14);
  });
});
