import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkId,
  isValidAdeli,
  isValidFiness,
  isValidNir,
  isValidRpps,
  mulberry32,
  randomAdeli,
  randomFiness,
  randomNir,
  randomRpps,
} from '../src/index.ts';

/** A generator seeded by fast-check, so a failing case shrinks to a reproducible seed. */
const seededRng = fc.integer({ min: 0, max: 0xffffffff }).map((seed) => mulberry32(seed));

/** Replace the digit at `index` by a different digit `1..9` steps away (mod 10). */
function changeDigit(value: string, index: number, step: number): string {
  const digit = Number(value.charAt(index));
  return value.slice(0, index) + String((digit + step) % 10) + value.slice(index + 1);
}

describe('generated identifiers are valid', () => {
  it('RPPS', () => {
    fc.assert(fc.property(seededRng, (rng) => isValidRpps(randomRpps(rng))));
  });
  it('ADELI', () => {
    fc.assert(fc.property(seededRng, (rng) => isValidAdeli(randomAdeli(rng))));
  });
  it('FINESS', () => {
    fc.assert(fc.property(seededRng, (rng) => isValidFiness(randomFiness(rng))));
  });
  it('NIR', () => {
    fc.assert(fc.property(seededRng, (rng) => isValidNir(randomNir(rng))));
  });
});

describe('a single changed digit is caught', () => {
  it('RPPS (Luhn detects every single-digit substitution)', () => {
    fc.assert(
      fc.property(seededRng, fc.nat(10), fc.integer({ min: 1, max: 9 }), (rng, index, step) => {
        const changed = changeDigit(randomRpps(rng), index, step);
        expect(checkId('rpps', changed).reason).toBe('bad check digit');
      }),
    );
  });

  it('FINESS (numeric)', () => {
    fc.assert(
      fc.property(seededRng, fc.nat(8), fc.integer({ min: 1, max: 9 }), (rng, index, step) => {
        expect(isValidFiness(changeDigit(randomFiness(rng), index, step))).toBe(false);
      }),
    );
  });

  it('NIR (97 is prime, so d × 10^k is never a multiple of it), Corsica included', () => {
    fc.assert(
      fc.property(seededRng, fc.nat(14), fc.integer({ min: 1, max: 9 }), (rng, index, step) => {
        const nir = randomNir(rng);
        // The département letters of 2A/2B are not digits: there is nothing to change there.
        fc.pre(/[0-9]/.test(nir.charAt(index)));
        expect(isValidNir(changeDigit(nir, index, step))).toBe(false);
      }),
    );
  });
});

describe('checkId never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.constantFrom('rpps', 'adeli', 'finess', 'nir'), fc.string(), (kind, value) => {
        const result = checkId(kind, value);
        expect(result.valid).toBe(result.reason === null);
      }),
    );
  });
});
