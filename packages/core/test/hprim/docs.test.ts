import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HPRIM_WARNING_CODES } from '../../src/hprim/index.ts';

describe('docs/hprim.md', () => {
  it('documents every warning code in its table', () => {
    const doc = readFileSync(new URL('../../../../docs/hprim.md', import.meta.url), 'utf8');
    for (const code of Object.keys(HPRIM_WARNING_CODES)) {
      expect(doc, code).toMatch(new RegExp(`^\\|\\s*\`${code}\`\\s*\\|`, 'm'));
    }
  });
});
