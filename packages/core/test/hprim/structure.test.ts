/**
 * Structure of a file, from inline text: tags, sections, what goes into `text`, and validity.
 */
import { describe, expect, it } from 'vitest';
import { buildHprim, parseHprim, readHprimNumber, type HprimParseResult } from '../../src/hprim/index.ts';

const HEADER = ['P1', 'MARTIN', 'Zoé', '', '', '75012 PARIS', '14/07/1985', '', '', '', 'S', 'R'];
const NOW = new Date('2026-06-01T12:00:00Z');

function parse(lines: string[], eol = '\r\n'): HprimParseResult {
  return parseHprim(lines.join(eol) + eol, { now: NOW });
}

/** One document: header, then `body` lines, FIN and FINFICHIER. */
function one(body: string[]): HprimParseResult {
  return parse([...HEADER, ...body, '****FIN****', '****FINFICHIER****']);
}

function codes(result: HprimParseResult, doc = 0): string[] {
  return (result.documents[doc]?.warnings ?? []).map((w) => w.code);
}

describe('text and the LAB section', () => {
  it('appends TEX lines after one blank line, and alone when there is no text before LAB', () => {
    expect(one(['Compte rendu.', '****LAB****', 'TEX|Ligne 1', 'TEX|  Ligne|2  ']).documents[0]?.text).toBe(
      'Compte rendu.\n\nLigne 1\n  Ligne|2  ',
    );
    expect(one(['****LAB****', 'TEX|Seul']).documents[0]?.text).toBe('Seul');
    expect(one(['Avant.', '', '****LAB****', 'TEX|Après']).documents[0]?.text).toBe('Avant.\n\nAprès');
  });

  it('keeps an unexpected LAB line in the text with a warning, and drops blank LAB lines silently', () => {
    const result = one(['****LAB****', 'RES|Na|NA|N|140', '   ', 'Commentaire libre', 'RESULTAT 5']);
    expect(result.documents[0]?.text).toBe('Commentaire libre\nRESULTAT 5');
    expect(result.documents[0]?.results).toHaveLength(1);
    expect(result.documents[0]?.warnings.map((w) => [w.code, w.line])).toEqual([
      ['HPRIM_LAB_LINE', 16],
      ['HPRIM_LAB_LINE', 17],
    ]);
    expect(result.valid).toBe(true);
  });

  it('accepts lower-case and padded line tags, reporting the case only', () => {
    const result = one(['  ****lab****  ', ' res |Na|NA|N|140', 'Tex|note', '****LAB****   ']);
    expect(result.documents[0]?.results[0]?.numeric).toBe(140);
    expect(result.documents[0]?.text).toBe('note');
    expect(codes(result)).toEqual(['HPRIM_TAG_CASE', 'HPRIM_TAG_CASE', 'HPRIM_TAG_CASE', 'HPRIM_TAG_ORDER']);
    expect(result.valid).toBe(false);
  });

  it('keeps text lines as written, strips only the CR of CRLF, and reads LF and mixed endings alike', () => {
    const crlf = parse([...HEADER, '  a  ', 'b\rc', '', '****FIN****', '****FINFICHIER****']);
    expect(crlf.documents[0]?.text).toBe('  a  \nb\rc\n');
    const lf = parse([...HEADER, 'x', '****FIN****', '****FINFICHIER****'], '\n');
    expect(lf.documents[0]?.text).toBe('x');
    expect(lf.documents[0]?.header.lastName).toBe('MARTIN');
  });
});

describe('RES lines', () => {
  it('reads up to 13 fields, trims them, and reads empty ones as null', () => {
    const result = one(['****LAB****', 'RES| Glucose |GLU| N | 5,5 |mmol/l||6,1|H']);
    expect(result.documents[0]?.results[0]).toEqual({
      label: 'Glucose',
      code: 'GLU',
      type: 'N',
      value: '5,5',
      numeric: 5.5,
      unit: 'mmol/l',
      low: null,
      high: '6,1',
      flag: 'H',
      status: null,
      value2: null,
      unit2: null,
      low2: null,
      high2: null,
    });
    expect(codes(result)).toEqual([]);
  });

  it('does not report a trailing "|" (an empty 14th field) but quotes real extra text', () => {
    expect(codes(one(['****LAB****', 'RES|a|b|A|v|||||F||||| ']))).toEqual([]);
    const extra = one(['****LAB****', 'RES|a|b|A|v|||||F||||||x']);
    expect(extra.documents[0]?.warnings[0]).toMatchObject({ code: 'HPRIM_RES_FIELDS', line: 14 });
    expect(extra.documents[0]?.warnings[0]?.message).toContain('"|x"');
  });

  it('reports type N values that are not numbers, and unknown type, flag and status codes', () => {
    const result = one(['****LAB****', 'RES|CRP|CRP|N|<5|mg/l', 'RES|CRP|CRP|A|<5', 'RES|K|K|n|4.1||||X|V']);
    const [censored, text, odd] = result.documents[0]?.results ?? [];
    expect(censored?.numeric).toBeNull();
    expect(text?.numeric).toBeNull();
    expect(odd?.numeric).toBe(4.1);
    expect(result.documents[0]?.warnings.map((w) => [w.code, w.line])).toEqual([
      ['HPRIM_NUMERIC_INVALID', 14],
      ['HPRIM_RES_CODE', 16],
      ['HPRIM_RES_CODE', 16],
      ['HPRIM_RES_CODE', 16],
    ]);
  });

  it.each([
    ['5', 5],
    ['-1,25', -1.25],
    ['+3.', 3],
    [',5', 0.5],
    ['250 000', 250000],
    ['1 234,5', 1234.5],
    ['<0,5', null],
    ['1e3', null],
    ['12 34', null],
    ['1,2,3', null],
    ['', null],
    ['-', null],
  ])('reads %j as %s', (value, number) => {
    expect(readHprimNumber(value)).toBe(number);
  });
});

describe('validity', () => {
  it('is valid for a file of only ****FINFICHIER****, with blank lines and a Ctrl-Z around', () => {
    const result = parse(['', '****FINFICHIER****', '   ', '\u001A']);
    expect(result).toEqual({ valid: true, encoding: null, documents: [], warnings: [] });
  });

  it('is not valid when empty, and keeps the warning in the result since there is no document', () => {
    const result = parseHprim('');
    expect(result.valid).toBe(false);
    expect(result.warnings.map((w) => w.code)).toEqual(['HPRIM_FINFICHIER_MISSING']);
  });

  it('is not valid when the file ends inside a document', () => {
    const result = parse([...HEADER, 'texte']);
    expect(result.valid).toBe(false);
    expect(result.documents[0]?.text).toBe('texte');
    expect(codes(result)).toEqual(['HPRIM_FIN_MISSING', 'HPRIM_FINFICHIER_MISSING']);
  });

  it('is not valid with a ****FIN**** that closes nothing, reported on the document before it', () => {
    const result = parse([...HEADER, '****FIN****', '****FIN****', '****FINFICHIER****']);
    expect(result.valid).toBe(false);
    expect(result.documents).toHaveLength(1);
    expect(result.documents[0]?.warnings).toEqual([
      { code: 'HPRIM_TAG_ORDER', line: 14, message: 'a ****FIN**** closes no document' },
    ]);
  });

  it('accepts blank lines between the last ****FIN**** and ****FINFICHIER****', () => {
    const result = parse([...HEADER, '****FIN****', '', '  ', '****FINFICHIER****']);
    expect(result.valid).toBe(true);
    expect(result.documents).toHaveLength(1);
  });

  it('reads header lines by position: an empty first line is an unknown patient id', () => {
    const result = parse(['', ...HEADER.slice(1), '****FIN****', '****FINFICHIER****']);
    expect(result.documents[0]?.header).toMatchObject({ patientId: null, lastName: 'MARTIN' });
  });
});

describe('buildHprim', () => {
  it('writes CRLF lines: header, text, LAB with all 13 RES fields, FIN, FINFICHIER', () => {
    const text = buildHprim([
      {
        header: {
          patientId: 'P1',
          lastName: 'MARTIN',
          birthDate: '1985-07-14',
          postalCode: '75012',
          city: 'PARIS',
        },
        text: 'Bonjour\n****FIN****',
        results: [{ label: 'Na|K', code: 'NA', type: 'N', value: '140', unit: 'mmol/l', numeric: 1 }],
      },
    ]);
    expect(text).toBe(
      [
        'P1',
        'MARTIN',
        '',
        '',
        '',
        '75012 PARIS',
        '14/07/1985',
        '',
        '',
        '',
        '',
        '',
        'Bonjour',
        '**** FIN****',
        '****LAB****',
        'RES|Na/K|NA|N|140|mmol/l||||||||',
        '****FIN****',
        '****FINFICHIER****',
        '',
      ].join('\r\n'),
    );
  });

  it('writes no LAB section without results, and LF endings on request', () => {
    expect(buildHprim([{ header: {}, text: 'x' }], { lineEnding: '\n' })).toBe(
      '\n'.repeat(12) + 'x\n****FIN****\n****FINFICHIER****\n',
    );
    expect(buildHprim([])).toBe('****FINFICHIER****\r\n');
  });
});
