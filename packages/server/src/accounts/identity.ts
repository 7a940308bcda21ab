import { isProfession, isSpecialty } from '@liaison/core/codes/index';
import { checkId } from '@liaison/core/ids/index';
import { fail } from '../errors.ts';

export interface IdentityInput {
  role: string;
  nationalIdKind?: 'rpps' | 'adeli' | undefined;
  nationalId?: string | undefined;
  profession?: string | undefined;
  specialty?: string | undefined;
}

/**
 * Checks what a person declares about themselves: a professional needs a valid RPPS or ADELI (key
 * checked) and a profession from TRE_G15; a specialty, when given, must be in TRE_R38.
 */
export function validateIdentity(input: IdentityInput): { nationalId: string | null } {
  let nationalId: string | null = null;
  if (input.nationalId || input.nationalIdKind) {
    if (!input.nationalIdKind || !input.nationalId) {
      fail('VALIDATION_FAILED', 'Give both the identifier kind (RPPS or ADELI) and its value.');
    }
    const check = checkId(input.nationalIdKind, input.nationalId);
    if (!check.valid) {
      fail(
        'INVALID_IDENTIFIER',
        `${input.nationalIdKind.toUpperCase()} ${check.value}: ${check.reason ?? 'invalid'}`,
        {
          field: 'nationalId',
          reason: check.reason,
        },
      );
    }
    nationalId = check.value;
  }
  if (input.role === 'professional') {
    if (!nationalId)
      fail('VALIDATION_FAILED', 'A professional needs an RPPS or ADELI number.', { field: 'nationalId' });
    if (!input.profession)
      fail('VALIDATION_FAILED', 'A professional needs a profession.', { field: 'profession' });
  }
  if (input.profession && !isProfession(input.profession)) {
    fail('UNKNOWN_CODE', `Profession "${input.profession}" is not in TRE_G15.`, { field: 'profession' });
  }
  if (input.specialty && !isSpecialty(input.specialty)) {
    fail('UNKNOWN_CODE', `Specialty "${input.specialty}" is not in TRE_R38.`, { field: 'specialty' });
  }
  return { nationalId };
}
