import { checkId, ID_REASONS, type IdReason } from '@liaison/core/ids/index';
import type { TFunction } from 'i18next';

// Mirrors the server's rules (packages/core/src/api) so people see problems before sending.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD_LENGTH = 12;

export function requiredText(t: TFunction) {
  return (value: string) => (value.trim().length === 0 ? t('validation.required') : null);
}

export function emailRule(t: TFunction) {
  return (value: string) => {
    if (value.trim().length === 0) return t('validation.required');
    return EMAIL.test(value.trim()) ? null : t('validation.email');
  };
}

export function passwordRule(t: TFunction) {
  return (value: string) => (value.length < MIN_PASSWORD_LENGTH ? t('validation.passwordTooShort') : null);
}

export function sameAsRule(t: TFunction, field: string) {
  return (value: string, values: Record<string, unknown>) =>
    value === values[field] ? null : t('validation.passwordsDiffer');
}

/** Length problems get their own sentence; every other reason means a mistyped digit (bad key). */
function reasonMessage(t: TFunction, reason: IdReason): string {
  if (reason === ID_REASONS.rppsLength) return t('validation.rppsFormat');
  if (reason === ID_REASONS.nineChars) return t('validation.adeliFormat');
  return t('validation.nationalId');
}

/** RPPS (Luhn key) and ADELI are checked with the same code the server runs, from @liaison/core. */
export function nationalIdError(t: TFunction, kind: 'rpps' | 'adeli', value: string): string | null {
  if (value.trim().length === 0) return t('validation.required');
  const result = checkId(kind, value);
  return result.reason === null ? null : reasonMessage(t, result.reason);
}

export function finessError(t: TFunction, value: string): string | null {
  if (value.trim().length === 0) return null;
  const result = checkId('finess', value);
  return result.reason === null ? null : t('validation.finess');
}

export function normaliseId(kind: 'rpps' | 'adeli' | 'finess', value: string): string {
  return checkId(kind, value).value;
}
