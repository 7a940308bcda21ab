/**
 * NIR (numéro d'inscription au répertoire, the social security number): 15 characters.
 *   1      sex: 1 or 2; 3/4 and 7/8 are used for provisional and temporary numbers
 *   2-3    year of birth
 *   4-5    month of birth: 01-12, or 20-99 when the civil record has no usable month
 *   6-7    département of birth (2A / 2B for Corsica; 97/98 overseas, 99 abroad)
 *   8-10   commune (or country) code
 *   11-13  order number in the birth register
 *   14-15  key = 97 - (first 13 digits mod 97), with 2A read as 19 and 2B as 18
 */
import { DIGITS, normaliseId } from './normalise.ts';
import { ID_REASONS, idResult, type IdCheckResult } from './result.ts';

const SEX_DIGITS = new Set(['1', '2', '3', '4', '7', '8']);

/**
 * The NIR key of a 13-character body (digits, with 2A/2B allowed at positions 6-7).
 * The 13-digit number is below 10^13 < 2^53, so plain Number arithmetic is exact here.
 */
export function nirKey(body: string): string {
  const numeric = body.slice(0, 5) + corsicaForKey(body.slice(5, 7)) + body.slice(7);
  const key = 97 - (Number(numeric) % 97);
  return String(key).padStart(2, '0');
}

function corsicaForKey(departement: string): string {
  if (departement === '2A') return '19';
  if (departement === '2B') return '18';
  return departement;
}

function isValidMonth(month: string): boolean {
  const m = Number(month);
  return (m >= 1 && m <= 12) || m >= 20;
}

export function checkNir(raw: string): IdCheckResult {
  const value = normaliseId(raw);
  if (value.length !== 15) return idResult('nir', value, ID_REASONS.nirLength);
  const departement = value.slice(5, 7);
  const digitsOnly = value.slice(0, 5) + value.slice(7);
  if (!DIGITS.test(digitsOnly)) return idResult('nir', value, ID_REASONS.nirDigits);
  if (!/^(?:[0-9]{2}|2[AB])$/.test(departement)) return idResult('nir', value, ID_REASONS.departement);
  if (!SEX_DIGITS.has(value.charAt(0))) return idResult('nir', value, ID_REASONS.nirSex);
  if (!isValidMonth(value.slice(3, 5))) return idResult('nir', value, ID_REASONS.nirMonth);
  if (nirKey(value.slice(0, 13)) !== value.slice(13)) return idResult('nir', value, ID_REASONS.nirKey);
  return idResult('nir', value, null);
}

export function isValidNir(raw: string): boolean {
  return checkNir(raw).valid;
}
