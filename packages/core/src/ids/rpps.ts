/**
 * RPPS (Répertoire partagé des professionnels de santé): 11 digits, the last one a Luhn check digit
 * computed over the whole number.
 */
import { luhnIsValid } from './luhn.ts';
import { DIGITS, normaliseId } from './normalise.ts';
import { ID_REASONS, idResult, type IdCheckResult } from './result.ts';

export function checkRpps(raw: string): IdCheckResult {
  const value = normaliseId(raw);
  if (value.length !== 11 || !DIGITS.test(value)) return idResult('rpps', value, ID_REASONS.rppsLength);
  if (!luhnIsValid(value)) return idResult('rpps', value, ID_REASONS.checkDigit);
  return idResult('rpps', value, null);
}

export function isValidRpps(raw: string): boolean {
  return checkRpps(raw).valid;
}
