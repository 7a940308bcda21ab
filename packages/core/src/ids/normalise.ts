/**
 * People paste identifiers with spaces ("1 84 12 76 451 089 46") and type Corsica as "2a":
 * every check first removes whitespace and upper-cases, and reports the value it actually checked.
 */
export function normaliseId(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export const DIGITS = /^[0-9]+$/;

/** Département prefix as used by ADELI, FINESS and NIR: two digits, or 2A / 2B for Corsica. */
export const DEPARTEMENT_PREFIX = /^(?:[0-9]{2}|2[AB])/;
