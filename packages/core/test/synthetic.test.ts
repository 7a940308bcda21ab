import { describe, expect, it } from 'vitest';
import {
  FEMALE_FIRST_NAMES,
  isValidNir,
  MALE_FIRST_NAMES,
  mulberry32,
  randomPerson,
  randomRpps,
  SURNAMES,
} from '../src/index.ts';

describe('mulberry32', () => {
  it('is reproducible for a seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('differs between seeds', () => {
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });
});

describe('synthetic data', () => {
  it('marks synthetic RPPS with the 99 prefix, outside allocated numbers', () => {
    expect(randomRpps(mulberry32(7))).toMatch(/^99\d{9}$/);
  });

  it('builds people whose NIR agrees with their sex and birth date', () => {
    const rng = mulberry32(2024);
    for (let i = 0; i < 200; i++) {
      const person = randomPerson(rng);
      expect(isValidNir(person.nir)).toBe(true);
      expect(person.nir.charAt(0)).toBe(person.sex === 'M' ? '1' : '2');
      expect(person.nir.slice(1, 3)).toBe(person.birthDate.slice(2, 4));
      expect(person.nir.slice(3, 5)).toBe(person.birthDate.slice(5, 7));
      expect(person.sex === 'F' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES).toContain(person.firstName);
      expect(SURNAMES).toContain(person.surname);
      expect(Number.isNaN(Date.parse(person.birthDate))).toBe(false);
    }
  });

  it('is deterministic for a given seed', () => {
    expect(randomPerson(mulberry32(5))).toEqual(randomPerson(mulberry32(5)));
  });
});
