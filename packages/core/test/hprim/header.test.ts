import { describe, expect, it } from 'vitest';
import { nirKey } from '../../src/ids/nir.ts';
import {
  buildHprim,
  EMPTY_HPRIM_HEADER,
  hprimHeaderLines,
  parseHprim,
  validateHprimHeader,
  type HprimHeader,
} from '../../src/hprim/index.ts';

const NOW = new Date('2026-06-01T12:00:00Z');

/** One document whose header lines are given, the rest empty. */
function headerOf(lines: Partial<Record<number, string>>): { header: HprimHeader; codes: string[] } {
  const header = Array.from({ length: 12 }, (_, i) => lines[i + 1] ?? '');
  const result = parseHprim([...header, '****FIN****', '****FINFICHIER****', ''].join('\r\n'), { now: NOW });
  const doc = result.documents[0];
  if (!doc) throw new Error('no document');
  return { header: doc.header, codes: doc.warnings.map((w) => w.code) };
}

describe('header dates', () => {
  it.each([
    ['14/07/1985', '1985-07-14'],
    ['14-07-1985', '1985-07-14'],
    ['14.07.1985', '1985-07-14'],
    ['4/7/1985', '1985-07-04'],
    ['  14/07/1985  ', '1985-07-14'],
    ['05/03/98', '1998-03-05'],
    ['01/01/24', '2024-01-01'],
    ['01/06/26', '2026-06-01'],
    ['02/06/26', '1926-06-02'],
    ['01/01/30', '1930-01-01'],
    ['29/02/2024', '2024-02-29'],
  ])('reads birth date %j as %s', (written, iso) => {
    expect(headerOf({ 7: written })).toEqual({
      header: { ...EMPTY_HPRIM_HEADER, birthDate: iso },
      codes: [],
    });
  });

  it('puts two-digit exam years in 20yy, even in the future', () => {
    expect(headerOf({ 10: '01/01/30' }).header.documentDate).toBe('2030-01-01');
  });

  it.each([
    '31/02/2020',
    '29/02/2023',
    '00/01/2020',
    '12/13/2020',
    '1985-07-14',
    '14/07/85/1',
    'hier',
    '14/07-1985',
  ])('refuses %j with a warning', (written) => {
    expect(headerOf({ 7: written })).toEqual({
      header: EMPTY_HPRIM_HEADER,
      codes: ['HPRIM_DATE_INVALID'],
    });
  });
});

describe('header NIR and place', () => {
  const body = '2850769123045';
  const key = nirKey(body);

  it('normalises a spaced NIR with a good key, Corsica included', () => {
    expect(headerOf({ 8: `2 85 07 69 123 045 ${key}` })).toEqual({
      header: { ...EMPTY_HPRIM_HEADER, nir: `${body} ${key}` },
      codes: [],
    });
    const corsica = '162112a004123';
    expect(headerOf({ 8: corsica + nirKey('162112A004123') }).header.nir).toBe('162112A004123 18');
  });

  it('keeps a wrong key, or a NIR of the wrong length, with a warning', () => {
    const wrong = String((Number(key) % 97) + 1).padStart(2, '0');
    expect(headerOf({ 8: `${body}${wrong}` })).toEqual({
      header: { ...EMPTY_HPRIM_HEADER, nir: `${body} ${wrong}` },
      codes: ['HPRIM_NIR_KEY'],
    });
    expect(headerOf({ 8: ` ${body} ` })).toEqual({
      header: { ...EMPTY_HPRIM_HEADER, nir: body },
      codes: ['HPRIM_NIR_FORMAT'],
    });
  });

  it.each([
    ['75012 PARIS', '75012', 'PARIS'],
    ['  13001   MARSEILLE 1ER  ', '13001', 'MARSEILLE 1ER'],
    ['2B200 BASTIA', '2B200', 'BASTIA'],
    ['69003', '69003', null],
  ])('splits %j', (written, postalCode, city) => {
    expect(headerOf({ 6: written })).toEqual({
      header: { ...EMPTY_HPRIM_HEADER, postalCode, city },
      codes: [],
    });
  });

  it.each(['PARIS 75012', '7501 PARIS', 'F-75012 PARIS'])(
    'keeps %j whole as the city, with a warning',
    (written) => {
      expect(headerOf({ 6: written })).toEqual({
        header: { ...EMPTY_HPRIM_HEADER, city: written },
        codes: ['HPRIM_POSTCODE'],
      });
    },
  );
});

describe('hprimHeaderLines', () => {
  it('writes 12 lines: dates dd/mm/yyyy, postcode and city on line 6, null as empty', () => {
    expect(
      hprimHeaderLines({
        patientId: 'P1',
        lastName: 'MARTIN',
        firstName: 'Zoé',
        postalCode: '75012',
        city: 'PARIS',
        birthDate: '1985-07-14',
        nir: '2850769123045 46',
        documentDate: '2026-05-03',
        sender: 'S',
        recipient: null,
      }),
    ).toEqual([
      'P1',
      'MARTIN',
      'Zoé',
      '',
      '',
      '75012 PARIS',
      '14/07/1985',
      '2850769123045 46',
      '',
      '03/05/2026',
      'S',
      '',
    ]);
  });

  it('turns line breaks into spaces and defuses values that would read as tags', () => {
    const lines = hprimHeaderLines({ address1: '12 rue\r\nBât. B', lastName: '****fin****' });
    expect(lines[3]).toBe('12 rue Bât. B');
    expect(lines[1]).toBe('**** fin****');
    const parsed = parseHprim(buildHprim([{ header: { lastName: '****FIN****', firstName: 'X' } }]));
    expect(parsed.valid).toBe(true);
    expect(parsed.documents[0]?.header).toMatchObject({ lastName: '**** FIN****', firstName: 'X' });
  });
});

describe('validateHprimHeader', () => {
  it('accepts a complete header', () => {
    const header = { lastName: 'MARTIN', firstName: 'Zoé', birthDate: '1985-07-14', nir: '2850769123045 46' };
    expect(validateHprimHeader(header, { now: NOW })).toEqual([]);
  });

  it('requires surname, first name and birth date, on their header lines', () => {
    expect(validateHprimHeader({ lastName: '  ' }).map((w) => [w.code, w.line])).toEqual([
      ['HPRIM_FIELD_REQUIRED', 2],
      ['HPRIM_FIELD_REQUIRED', 3],
      ['HPRIM_FIELD_REQUIRED', 7],
    ]);
  });

  it('reports impossible or future dates, bad NIR keys, postcodes and line breaks', () => {
    const warnings = validateHprimHeader(
      {
        lastName: 'MARTIN\nDUPONT',
        firstName: 'Zoé',
        birthDate: '2026-06-02',
        documentDate: '2026-02-30',
        nir: '2850769123045 47',
        postalCode: 'PARIS',
      },
      { now: NOW },
    );
    expect(warnings.map((w) => [w.code, w.line])).toEqual([
      ['HPRIM_FIELD_LINE_BREAK', 2],
      ['HPRIM_POSTCODE', 6],
      ['HPRIM_DATE_INVALID', 7],
      ['HPRIM_NIR_KEY', 8],
      ['HPRIM_DATE_INVALID', 10],
    ]);
    expect(warnings[2]?.message).toContain('in the future');
  });
});
