import { ERROR_CATALOGUE } from '@liaison/core/errors';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.ts';
import { fr } from '../src/i18n/fr.ts';

// People read a sentence in their language for every error the server can return; a code added to
// the catalogue (packages/core/src/errors.ts) needs its line in src/i18n/fr.ts and en.ts.
describe('error messages', () => {
  const codes = Object.keys(ERROR_CATALOGUE);

  it('has a French sentence for every catalogue code', () => {
    expect(codes.filter((code) => !Object.hasOwn(fr.errors, code))).toEqual([]);
  });

  it('has an English sentence for every catalogue code', () => {
    expect(codes.filter((code) => !Object.hasOwn(en.errors, code))).toEqual([]);
  });
});
