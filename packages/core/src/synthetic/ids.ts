/**
 * Random identifiers with valid keys, for tests and demo data. They are not derived from anyone; a
 * random number can still coincide with an allocated one by chance, so never use them as real data.
 */
import { luhnCheckDigit } from '../ids/luhn.ts';
import { nirKey } from '../ids/nir.ts';
import { defaultRng, pad, pick, randomDigits, randomInt, type Rng } from './rng.ts';

/** Metropolitan départements (20 no longer exists: Corsica is 2A / 2B since 1976). */
const NUMERIC_DEPARTEMENTS: readonly string[] = Array.from({ length: 95 }, (_, i) => pad(i + 1, 2)).filter(
  (d) => d !== '20',
);
const ALL_DEPARTEMENTS: readonly string[] = [...NUMERIC_DEPARTEMENTS, '2A', '2B'];

/**
 * Allocated RPPS numbers start with 10; synthetic ones start with 99 so they cannot be mistaken
 * for (or collide with) a real professional's number.
 */
export function randomRpps(rng: Rng = defaultRng): string {
  const body = '99' + randomDigits(rng, 8);
  return body + luhnCheckDigit(body);
}

export function randomAdeli(rng: Rng = defaultRng): string {
  return pick(rng, ALL_DEPARTEMENTS) + randomDigits(rng, 7);
}

/** Numeric départements only, so that every generated FINESS carries a verifiable Luhn key. */
export function randomFiness(rng: Rng = defaultRng): string {
  const body = pick(rng, NUMERIC_DEPARTEMENTS) + randomDigits(rng, 6);
  return body + luhnCheckDigit(body);
}

export interface NirParts {
  readonly sex: 'F' | 'M';
  /** Full year of birth; only its last two digits go into the NIR. */
  readonly year: number;
  /** 1-12 */
  readonly month: number;
}

/** A NIR, optionally consistent with a given sex and birth month; Corsica (2A/2B) comes up too. */
export function randomNir(rng: Rng = defaultRng, parts?: Partial<NirParts>): string {
  const sex = parts?.sex ?? (rng() < 0.5 ? 'F' : 'M');
  const year = parts?.year ?? randomInt(rng, 1930, 2020);
  const month = parts?.month ?? randomInt(rng, 1, 12);
  const body =
    (sex === 'M' ? '1' : '2') +
    pad(year % 100, 2) +
    pad(month, 2) +
    pick(rng, ALL_DEPARTEMENTS) +
    pad(randomInt(rng, 1, 990), 3) +
    pad(randomInt(rng, 1, 999), 3);
  return body + nirKey(body);
}
