/**
 * FINESS (Fichier national des établissements sanitaires et sociaux): 9 characters, the first two
 * being the département (digits, or 2A / 2B for Corsica).
 *
 * When all nine characters are digits the last one is a Luhn key over the nine digits (checked
 * against published numbers from the FINESS open-data extract, e.g. 010000016, 010780195).
 * For Corsican numbers (2A…, 2B…) we found no published statement of how the key treats the
 * letters, and guessing (20, 19/18 as for the NIR, …) would refuse real establishments if the guess
 * were wrong; so those are checked by format only.
 */
import { luhnIsValid } from './luhn.ts';
import { DEPARTEMENT_PREFIX, DIGITS, normaliseId } from './normalise.ts';
import { ID_REASONS, idResult, type IdCheckResult } from './result.ts';

export function checkFiness(raw: string): IdCheckResult {
  const value = normaliseId(raw);
  if (value.length !== 9) return idResult('finess', value, ID_REASONS.nineChars);
  if (!DEPARTEMENT_PREFIX.test(value)) return idResult('finess', value, ID_REASONS.departement);
  if (!DIGITS.test(value.slice(2))) return idResult('finess', value, ID_REASONS.digitsAfterDepartement);
  if (DIGITS.test(value) && !luhnIsValid(value)) return idResult('finess', value, ID_REASONS.checkDigit);
  return idResult('finess', value, null);
}

export function isValidFiness(raw: string): boolean {
  return checkFiness(raw).valid;
}
