import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from './names.ts';
import { randomNir } from './ids.ts';
import { defaultRng, pad, pick, randomInt, type Rng } from './rng.ts';

export interface SyntheticPerson {
  readonly sex: 'F' | 'M';
  readonly firstName: string;
  /** Surname as usually written; upper-case it for HPRIM line 2 if the receiving software expects that. */
  readonly surname: string;
  /** ISO date, yyyy-mm-dd. */
  readonly birthDate: string;
  /** A NIR consistent with sex and birth month/year (random département, commune and order). */
  readonly nir: string;
}

export function randomPerson(rng: Rng = defaultRng): SyntheticPerson {
  const sex = rng() < 0.5 ? 'F' : 'M';
  const year = randomInt(rng, 1930, 2020);
  const month = randomInt(rng, 1, 12);
  // Day 1-28 keeps every month valid without a calendar.
  const day = randomInt(rng, 1, 28);
  return {
    sex,
    firstName: pick(rng, sex === 'F' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
    surname: pick(rng, SURNAMES),
    birthDate: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
    nir: randomNir(rng, { sex, year, month }),
  };
}
