import type { HprimWarningCode } from '@liaison/core/hprim/index';

/**
 * The HPRIM header warnings a person is told about, in words (mail.hprim.* in i18n): the ones that
 * change who the letter is filed under. Structural ones are for logs and support.
 */
export const HEADER_WARNING_CODES = [
  'HPRIM_FIELD_REQUIRED',
  'HPRIM_DATE_INVALID',
  'HPRIM_NIR_FORMAT',
  'HPRIM_NIR_KEY',
  'HPRIM_POSTCODE',
  'HPRIM_HEADER_SHORT',
] as const satisfies readonly HprimWarningCode[];

export type HeaderWarningCode = (typeof HEADER_WARNING_CODES)[number];

export function isHeaderWarningCode(code: string): code is HeaderWarningCode {
  return (HEADER_WARNING_CODES as readonly string[]).includes(code);
}
