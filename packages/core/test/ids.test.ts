import { describe, expect, it } from 'vitest';
import {
  checkId,
  FinessSchema,
  InvalidIdentifierError,
  isValidAdeli,
  isValidFiness,
  isValidNir,
  isValidRpps,
  luhnCheckDigit,
  nationalIdForCertificate,
  nirKey,
} from '../src/index.ts';

describe('RPPS', () => {
  // Hand check of 10000000009: from the right, 9 (kept), then 0 ×2, 0, 0 ×2 … and the leading 1 sits
  // at an even position (kept): sum = 9 + 1 = 10, a multiple of 10.
  // Hand check of 12345678903: body 1234567890 from the right: 0×2=0, 9, 8×2=16→7, 7, 6×2=12→3, 5,
  // 4×2=8, 3, 2×2=4, 1 → 47, so the check digit is 3 (47 + 3 = 50).
  it.each(['10000000009', '12345678903', '1 2345 678 903'])('accepts %s', (value) => {
    expect(isValidRpps(value)).toBe(true);
  });

  it('reports the normalised value and a null reason', () => {
    expect(checkId('rpps', ' 1234 5678 903 ')).toEqual({
      kind: 'rpps',
      value: '12345678903',
      valid: true,
      reason: null,
    });
  });

  it.each([
    ['12345678904', 'bad check digit'],
    ['1234567890', 'expected 11 digits'],
    ['123456789033', 'expected 11 digits'],
    ['1234567890A', 'expected 11 digits'],
    ['', 'expected 11 digits'],
  ])('refuses %s (%s)', (value, reason) => {
    const result = checkId('rpps', value);
    expect(result.valid).toBe(false);
    expect(result.reason).toBe(reason);
  });

  it('computes the Luhn digit used by RPPS', () => {
    expect(luhnCheckDigit('1234567890')).toBe('3');
    expect(luhnCheckDigit('1000000000')).toBe('9');
  });
});

describe('ADELI (format only)', () => {
  it.each(['751234567', '2A1234567', '2b1234567', '97 1234567'])('accepts %s', (value) => {
    expect(isValidAdeli(value)).toBe(true);
  });

  it.each([
    ['75123456', 'expected 9 characters'],
    ['2C1234567', 'bad département'],
    ['AB1234567', 'bad département'],
    ['7512345X7', 'expected digits after département'],
  ])('refuses %s (%s)', (value, reason) => {
    expect(checkId('adeli', value).reason).toBe(reason);
  });
});

describe('FINESS', () => {
  // Real establishment numbers from the FINESS open-data extract: they all satisfy Luhn over 9 digits.
  it.each(['010000016', '010780195', '010787190', '01 000 015 6'])('accepts %s', (value) => {
    expect(isValidFiness(value)).toBe(true);
  });

  it('accepts Corsican numbers by format, since their key rule is not published', () => {
    expect(checkId('finess', '2A0001234')).toMatchObject({ valid: true, value: '2A0001234' });
    expect(checkId('finess', '2b0001234')).toMatchObject({ valid: true, value: '2B0001234' });
  });

  it.each([
    ['010000017', 'bad check digit'],
    ['01000001', 'expected 9 characters'],
    ['2C0001234', 'bad département'],
    ['2A000123X', 'expected digits after département'],
  ])('refuses %s (%s)', (value, reason) => {
    expect(checkId('finess', value).reason).toBe(reason);
  });

  it('has a zod schema that outputs the normalised value and reports the reason', () => {
    expect(FinessSchema.parse(' 010 000 016 ')).toBe('010000016');
    const parsed = FinessSchema.safeParse('010000017');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('bad check digit');
  });
});

describe('NIR', () => {
  // 1841276451089 = 97 × 18982231454 + 51, so the key is 97 − 51 = 46.
  it('accepts a NIR written with spaces', () => {
    expect(checkId('nir', '1 84 12 76 451 089 46')).toEqual({
      kind: 'nir',
      value: '184127645108946',
      valid: true,
      reason: null,
    });
  });

  // Corsica: 2A is read as 19 for the key. 2900519004123 = 97 × 29902257774 + 45 → key 52.
  it('accepts Corse-du-Sud (2A → 19)', () => {
    expect(isValidNir('2 90 05 2A 004 123 52')).toBe(true);
    expect(isValidNir('290052a00412352')).toBe(true);
    expect(nirKey('290052A004123')).toBe('52');
  });

  // 2B is read as 18. 1750818012345 = 97 × 18049670230 + 35 → key 62.
  it('accepts Haute-Corse (2B → 18)', () => {
    expect(isValidNir('1 75 08 2B 012 345 62')).toBe(true);
  });

  it('does not confuse 2A with 2B', () => {
    expect(checkId('nir', '1 75 08 2A 012 345 62').reason).toBe('bad key');
  });

  it.each([
    ['184127645108947', 'bad key'],
    ['1841276451089', 'expected 15 characters'],
    ['5 84 12 76 451 089 46', 'bad sex digit'],
    ['1 84 13 76 451 089 46', 'bad month'],
    ['1 84 00 76 451 089 46', 'bad month'],
    ['1 84 12 2C 451 089 46', 'bad département'],
    ['1 84 12 76 45X 089 46', 'expected digits'],
  ])('refuses %s (%s)', (value, reason) => {
    expect(checkId('nir', value).reason).toBe(reason);
  });

  it('pads a key below 10 with a zero', () => {
    // Any body whose remainder is 88..96 has a one-digit key; search a small range for one.
    let found = false;
    for (let order = 0; order < 200 && !found; order++) {
      const body = '1841276451' + String(order).padStart(3, '0');
      const key = nirKey(body);
      if (key.startsWith('0')) {
        found = true;
        expect(key).toHaveLength(2);
        expect(isValidNir(body + key)).toBe(true);
      }
    }
    expect(found).toBe(true);
  });
});

describe('nationalIdForCertificate', () => {
  it('prefixes RPPS with 8 and ADELI with 0', () => {
    expect(nationalIdForCertificate('rpps', '1234 5678 903')).toBe('812345678903');
    expect(nationalIdForCertificate('adeli', '2a1234567')).toBe('02A1234567');
  });

  it('refuses an invalid id with a typed error', () => {
    expect(() => nationalIdForCertificate('rpps', '12345678904')).toThrow(InvalidIdentifierError);
    const thrown = catchError(() => nationalIdForCertificate('adeli', '123'));
    expect(thrown).toMatchObject({
      code: 'INVALID_IDENTIFIER',
      kind: 'adeli',
      reason: 'expected 9 characters',
    });
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
