import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CRYPTO_ERROR_CATALOGUE } from '../src/crypto/errors.ts';
import { ERROR_CATALOGUE } from '../src/errors.ts';

describe('error catalogue', () => {
  it('documents every code (server and device crypto) with its status in docs/errors.md', () => {
    const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    for (const [code, { status }] of Object.entries({ ...ERROR_CATALOGUE, ...CRYPTO_ERROR_CATALOGUE })) {
      expect(doc, code).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${status}\\s*\\|`));
    }
  });

  it('keeps internal messages out of 5xx answers by design: only INTERNAL is a 5xx', () => {
    const fiveHundreds = Object.entries(ERROR_CATALOGUE).filter(([, e]) => e.status >= 500);
    expect(fiveHundreds.map(([code]) => code)).toEqual(['INTERNAL']);
  });
});
