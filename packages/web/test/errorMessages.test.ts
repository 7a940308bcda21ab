import { CRYPTO_ERROR_CODES, CryptoError } from '@liaison/core/crypto/errors';
import { ERROR_CATALOGUE } from '@liaison/core/errors';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/client.ts';
import { errorMessage } from '../src/api/errorMessage.ts';
import { en } from '../src/i18n/en.ts';
import { fr } from '../src/i18n/fr.ts';

// People read a sentence in their language for every error the server can return, and for every
// failure of the crypto core running in their browser; a code added to either catalogue
// (packages/core/src/errors.ts, packages/core/src/crypto/errors.ts) needs its line in src/i18n/fr.ts
// and en.ts.
describe('error messages', () => {
  const codes = [...Object.keys(ERROR_CATALOGUE), ...CRYPTO_ERROR_CODES];

  it('has a French sentence for every catalogue code', () => {
    expect(codes.filter((code) => !Object.hasOwn(fr.errors, code))).toEqual([]);
  });

  it('has an English sentence for every catalogue code', () => {
    expect(codes.filter((code) => !Object.hasOwn(en.errors, code))).toEqual([]);
  });

  // A stand-in for i18next that shows which key and values were asked for.
  const t = ((key: string, values?: Record<string, unknown>) =>
    values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

  it('translates server errors and crypto errors by code', () => {
    expect(errorMessage(t, new ApiError(403, 'DEVICE_NOT_APPROVED', 'x'))).toBe('errors.DEVICE_NOT_APPROVED');
    expect(errorMessage(t, new CryptoError('BACKUP_WRONG_PASSPHRASE'))).toBe(
      'errors.BACKUP_WRONG_PASSPHRASE',
    );
  });

  it('never echoes a 5xx body and falls back to the message otherwise', () => {
    expect(errorMessage(t, new ApiError(500, 'SOMETHING_NEW', 'stack trace'))).toBe('errors.server');
    expect(errorMessage(t, new Error('quota exceeded'))).toBe('errors.fallback {"message":"quota exceeded"}');
  });
});
