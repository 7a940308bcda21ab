import { describe, expect, it } from 'vitest';
import { readHashToken } from '../src/lib/hashToken.ts';

describe('readHashToken', () => {
  it('reads the token from the fragment', () => {
    expect(readHashToken('#token=abc-DEF_123')).toBe('abc-DEF_123');
    expect(readHashToken('token=xyz')).toBe('xyz');
  });

  it('returns null when there is no usable token', () => {
    expect(readHashToken('')).toBeNull();
    expect(readHashToken('#')).toBeNull();
    expect(readHashToken('#token=')).toBeNull();
    expect(readHashToken('#other=1')).toBeNull();
  });
});
