/**
 * Warning codes of the HPRIM reader and of the header checks. Codes are stable: connectors and the
 * web app match on them, so renaming one is a breaking change (docs/hprim.md lists them all).
 * Messages are English sentences for logs and support; they may change.
 */
import type { HprimWarning } from './types.ts';

export const HPRIM_WARNING_CODES = {
  HPRIM_HEADER_SHORT: 'fewer than 12 header lines before a tag or the end of the file',
  HPRIM_FIELD_REQUIRED: 'a header field a letter needs is empty (surname, first name, birth date)',
  HPRIM_FIELD_LINE_BREAK: 'a header field holds a line break (written as a space)',
  HPRIM_DATE_INVALID: 'a date is present but unreadable or impossible (read as null)',
  HPRIM_NIR_FORMAT: 'the NIR is not 13 characters and a 2-digit key (kept as written)',
  HPRIM_NIR_KEY: 'the NIR key does not match its 13 first characters (kept as written)',
  HPRIM_POSTCODE: 'line 6 does not start with a postcode (the whole line is the city)',
  HPRIM_RES_FIELDS: 'a RES line has more than 13 fields (the extra text is in the message)',
  HPRIM_RES_CODE: 'a RES type, flag or status is not one of the known codes (kept as written)',
  HPRIM_NUMERIC_INVALID: 'a type N value does not read as a number (numeric is null)',
  HPRIM_LAB_LINE: 'a line of the LAB section is neither RES nor TEX (appended to the text)',
  HPRIM_TAG_CASE: 'a tag is not written in upper case (accepted)',
  HPRIM_TAG_ORDER: 'a tag comes where it cannot (LAB twice or after FIN, FIN outside a document)',
  HPRIM_FIN_MISSING: 'a document is not closed by ****FIN****',
  HPRIM_FINFICHIER_MISSING: 'the file does not end with ****FINFICHIER****',
  HPRIM_TRAILING_CONTENT:
    'something other than whitespace follows ****FINFICHIER**** (quoted in the message)',
  HPRIM_ENCODING_LOSSY: 'bytes invalid in the forced encoding were replaced by U+FFFD',
} as const;

export type HprimWarningCode = keyof typeof HPRIM_WARNING_CODES;

/** These make a file invalid: the structure cannot be trusted to hold every document whole. */
export const HPRIM_STRUCTURAL_CODES: ReadonlySet<HprimWarningCode> = new Set<HprimWarningCode>([
  'HPRIM_TAG_ORDER',
  'HPRIM_FIN_MISSING',
  'HPRIM_FINFICHIER_MISSING',
  'HPRIM_TRAILING_CONTENT',
]);

export function hprimWarning(code: HprimWarningCode, line: number | null, message: string): HprimWarning {
  return { code, line, message };
}
