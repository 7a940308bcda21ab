export const ID_KINDS = ['rpps', 'adeli', 'finess', 'nir'] as const;
export type IdKind = (typeof ID_KINDS)[number];

export function isIdKind(kind: string): kind is IdKind {
  return (ID_KINDS as readonly string[]).includes(kind);
}

/**
 * Stable, English, code-like reasons. Clients (web app, CLI scripts, importers) match on them and
 * translate them, so wording changes are breaking changes.
 */
export const ID_REASONS = {
  rppsLength: 'expected 11 digits',
  nineChars: 'expected 9 characters',
  nirLength: 'expected 15 characters',
  departement: 'bad département',
  digitsAfterDepartement: 'expected digits after département',
  nirDigits: 'expected digits',
  nirSex: 'bad sex digit',
  nirMonth: 'bad month',
  checkDigit: 'bad check digit',
  nirKey: 'bad key',
} as const;
export type IdReason = (typeof ID_REASONS)[keyof typeof ID_REASONS];

export interface IdCheckResult {
  readonly kind: IdKind;
  /** The normalised value that was checked (whitespace removed, upper case). */
  readonly value: string;
  readonly valid: boolean;
  /** Why the value is refused; null when valid. */
  readonly reason: IdReason | null;
}

export function idResult(kind: IdKind, value: string, reason: IdReason | null): IdCheckResult {
  return { kind, value, valid: reason === null, reason };
}
