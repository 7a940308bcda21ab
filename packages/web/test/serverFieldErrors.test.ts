import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/client.ts';
import { serverFieldErrors } from '../src/lib/serverFieldErrors.ts';

describe('serverFieldErrors', () => {
  it('reads both detail shapes the server sends', () => {
    expect(serverFieldErrors(new ApiError(400, 'VALIDATION_FAILED', 'x', { field: 'password' }))).toEqual([
      'password',
    ]);
    expect(
      serverFieldErrors(
        new ApiError(400, 'VALIDATION_FAILED', 'x', [
          { field: 'itHead.email', message: 'bad' },
          { field: '', message: 'body' },
        ]),
      ),
    ).toEqual(['itHead.email']);
  });

  it('ignores anything that is not a 400 with details', () => {
    expect(serverFieldErrors(new ApiError(409, 'EMAIL_TAKEN', 'x', { field: 'email' }))).toEqual([]);
    expect(serverFieldErrors(new Error('x'))).toEqual([]);
    expect(serverFieldErrors(new ApiError(400, 'VALIDATION_FAILED', 'x'))).toEqual([]);
  });
});
