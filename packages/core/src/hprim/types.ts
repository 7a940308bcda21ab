/**
 * The data an HPRIM file carries, as Liaison hands it to callers. Every text field is a trimmed
 * string or null (absent or blank), so "nothing written" and "written empty" read the same: HPRIM
 * writers pad and leave fields blank without meaning anything by it.
 */
import type { HprimWarningCode } from './warnings.ts';

export type HprimEncoding = 'utf-8' | 'windows-1252' | 'iso-8859-1';

export const HPRIM_ENCODINGS: readonly HprimEncoding[] = ['utf-8', 'windows-1252', 'iso-8859-1'];

export function isHprimEncoding(value: string): value is HprimEncoding {
  return (HPRIM_ENCODINGS as readonly string[]).includes(value);
}

/** The 12 header lines; dates are ISO `YYYY-MM-DD`. */
export interface HprimHeader {
  /** Line 1: the sender's identifier of the patient. */
  readonly patientId: string | null;
  /** Line 2 */
  readonly lastName: string | null;
  /** Line 3 */
  readonly firstName: string | null;
  /** Line 4 */
  readonly address1: string | null;
  /** Line 5 */
  readonly address2: string | null;
  /** Line 6, first token when it reads as a postcode. */
  readonly postalCode: string | null;
  /** Line 6, the rest (or the whole line when it does not start with a postcode). */
  readonly city: string | null;
  /** Line 7 */
  readonly birthDate: string | null;
  /** Line 8, `NNNNNNNNNNNNN KK` when it has 15 significant characters, else as written. */
  readonly nir: string | null;
  /** Line 9: file or request number. */
  readonly fileNumber: string | null;
  /** Line 10: date of the exam or of the document. */
  readonly documentDate: string | null;
  /** Line 11: sender code and name, the whole line. */
  readonly sender: string | null;
  /** Line 12: recipient code and name, the whole line. */
  readonly recipient: string | null;
}

/** One `RES|…` line. Values are kept as written (comma decimals included); `numeric` is derived. */
export interface HprimResult {
  readonly label: string | null;
  readonly code: string | null;
  /** N numeric, A text, C coded. */
  readonly type: string | null;
  readonly value: string | null;
  /** `value` as a number for type N, else null. */
  readonly numeric: number | null;
  readonly unit: string | null;
  readonly low: string | null;
  readonly high: string | null;
  /** L, H, LL, HH, N or null. */
  readonly flag: string | null;
  /** F validated, R not validated, C corrected. */
  readonly status: string | null;
  readonly value2: string | null;
  readonly unit2: string | null;
  readonly low2: string | null;
  readonly high2: string | null;
}

export interface HprimWarning {
  readonly code: HprimWarningCode;
  /** 1-based line in the file (in the 12-line header for validateHprimHeader), or null. */
  readonly line: number | null;
  readonly message: string;
}

export interface HprimDocument {
  readonly header: HprimHeader;
  /** The free text, lines joined with `\n`; TEX lines and stray LAB lines are appended to it. */
  readonly text: string;
  /** RES lines only, in file order. */
  readonly results: readonly HprimResult[];
  readonly warnings: readonly HprimWarning[];
}

export interface HprimParseResult {
  /** False when closing tags are missing, out of order or followed by content. */
  readonly valid: boolean;
  /** The encoding the bytes were read with; null when a string was given. */
  readonly encoding: HprimEncoding | null;
  readonly documents: readonly HprimDocument[];
  /**
   * Warnings about the file as a whole go to the document they follow (or precede, for the first);
   * only when the file holds no document at all do they land here.
   */
  readonly warnings: readonly HprimWarning[];
}

/** What build and the header helpers accept: any field may be left out (read as null). */
export type HprimHeaderInput = { readonly [K in keyof HprimHeader]?: string | null };

/** `numeric` is ignored on output: the value is written as it stands. */
export type HprimResultInput = { readonly [K in keyof HprimResult]?: HprimResult[K] };

export interface HprimDocumentInput {
  readonly header: HprimHeaderInput;
  readonly text?: string;
  readonly results?: readonly HprimResultInput[];
}
