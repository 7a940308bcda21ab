/**
 * Line 8: the patient's NIR. Writers space it freely ("2 84 02 75 115 004 67"); Liaison hands it out
 * as `NNNNNNNNNNNNN KK`, the form HPRIM shows, and keeps a wrong or odd value rather than drop it:
 * the letter is still the patient's, and the recipient decides.
 */
import { nirKey } from '../ids/nir.ts';
import { hprimWarning } from './warnings.ts';
import type { HprimWarning } from './types.ts';

/** 5 digits, département (digits or 2A/2B), 6 digits, then the 2-digit key. */
const NIR_SHAPE = /^[0-9]{5}(?:[0-9]{2}|2[AB])[0-9]{6}[0-9]{2}$/;

export interface ReadNir {
  readonly nir: string | null;
  readonly warnings: readonly HprimWarning[];
}

/** `line` is where the NIR was read (file line, or 8 for a header given by a caller). */
export function readHprimNir(written: string | null, line: number | null): ReadNir {
  const trimmed = written?.trim() ?? '';
  if (trimmed === '') return { nir: null, warnings: [] };
  const compact = trimmed.replace(/\s+/g, '').toUpperCase();
  if (compact.length !== 15) {
    const message = `the NIR "${trimmed}" has ${compact.length} characters besides spaces, 15 expected (13 and a key)`;
    return { nir: trimmed, warnings: [hprimWarning('HPRIM_NIR_FORMAT', line, message)] };
  }
  const nir = `${compact.slice(0, 13)} ${compact.slice(13)}`;
  if (!NIR_SHAPE.test(compact)) {
    const message = `the NIR "${nir}" holds characters other than digits (2A or 2B aside)`;
    return { nir, warnings: [hprimWarning('HPRIM_NIR_FORMAT', line, message)] };
  }
  const expected = nirKey(compact.slice(0, 13));
  if (expected !== compact.slice(13)) {
    const message = `the NIR key is ${compact.slice(13)}, ${expected} expected for ${compact.slice(0, 13)}`;
    return { nir, warnings: [hprimWarning('HPRIM_NIR_KEY', line, message)] };
  }
  return { nir, warnings: [] };
}
