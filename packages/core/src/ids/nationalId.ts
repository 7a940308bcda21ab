/**
 * The national professional identifier as written in a certificate's subject serialNumber and used
 * across the French health directory: "8" + RPPS, or "0" + ADELI.
 */
import { checkAdeli } from './adeli.ts';
import type { IdCheckResult, IdReason } from './result.ts';
import { checkRpps } from './rpps.ts';

export type ProfessionalIdKind = 'rpps' | 'adeli';

/** Thrown when a certificate would carry an invalid identifier; maps to the INVALID_IDENTIFIER error code. */
export class InvalidIdentifierError extends Error {
  readonly code = 'INVALID_IDENTIFIER' as const;
  readonly kind: ProfessionalIdKind;
  readonly reason: IdReason;

  constructor(kind: ProfessionalIdKind, reason: IdReason) {
    super(`invalid ${kind}: ${reason}`);
    this.name = 'InvalidIdentifierError';
    this.kind = kind;
    this.reason = reason;
  }
}

/**
 * Refuses invalid input instead of returning a wrong id: a certificate is signed once and then
 * trusted by every recipient, so a bad id must never reach it.
 */
export function nationalIdForCertificate(kind: ProfessionalIdKind, value: string): string {
  const result: IdCheckResult = kind === 'rpps' ? checkRpps(value) : checkAdeli(value);
  if (result.reason !== null) throw new InvalidIdentifierError(kind, result.reason);
  return (kind === 'rpps' ? '8' : '0') + result.value;
}
