/**
 * ADELI: 9 characters, the first two being the département (01…95, or 2A / 2B for Corsica), the
 * rest digits. Only the format is checked: the ADELI key algorithm has never been published, so a
 * typo in the last seven digits cannot be detected here. ADELI is being replaced by RPPS for most
 * professions; a verified RPPS should be preferred when both exist.
 */
import { DEPARTEMENT_PREFIX, DIGITS, normaliseId } from './normalise.ts';
import { ID_REASONS, idResult, type IdCheckResult } from './result.ts';

export function checkAdeli(raw: string): IdCheckResult {
  const value = normaliseId(raw);
  if (value.length !== 9) return idResult('adeli', value, ID_REASONS.nineChars);
  if (!DEPARTEMENT_PREFIX.test(value)) return idResult('adeli', value, ID_REASONS.departement);
  if (!DIGITS.test(value.slice(2))) return idResult('adeli', value, ID_REASONS.digitsAfterDepartement);
  return idResult('adeli', value, null);
}

export function isValidAdeli(raw: string): boolean {
  return checkAdeli(raw).valid;
}
