import { isCryptoError } from '@liaison/core/crypto/errors';
import type { TFunction } from 'i18next';
import { fr } from '../i18n/fr.ts';
import { isApiError } from './client.ts';

// test/errorMessages.test.ts checks that every code of the core catalogues (platform and crypto) has a
// sentence here.
type TranslatedCode = Exclude<keyof typeof fr.errors, 'fallback' | 'server'>;

function isTranslatedCode(code: string): code is TranslatedCode {
  return code !== 'fallback' && code !== 'server' && Object.hasOwn(fr.errors, code);
}

/**
 * A sentence for a person, chosen by the server's stable error code; unknown codes fall back to the
 * server's own message so a newer server's error is still understandable.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (isTranslatedCode(error.code)) return t(`errors.${error.code}`);
    // 5xx bodies carry no useful detail by design (docs/api.md), so do not echo them.
    if (error.status >= 500) return t('errors.server');
    return t('errors.fallback', { message: error.message });
  }
  // Failures of the crypto core in this browser (wrong backup passphrase, unusable key…). Imported from
  // the errors module alone, so this stays free of PKI.js for pages that never touch keys.
  if (isCryptoError(error) && isTranslatedCode(error.code)) return t(`errors.${error.code}`);
  if (error instanceof Error) return t('errors.fallback', { message: error.message });
  return t('errors.fallback', { message: String(error) });
}
