import { describe, expect, it } from 'vitest';
import { arrayOf, boolean, nullable, object, oneOf, optional, schema, string } from '../src/api/shapes.ts';

// The answers of the devices, backup and PKI endpoints are checked by these small readers until their
// zod schemas move from the server to packages/core/src/api.
describe('response shapes', () => {
  const device = schema(
    object({
      id: string,
      status: oneOf(['pending', 'active', 'revoked']),
      current: boolean,
      approvedAt: nullable(string),
      code: optional(string),
      emails: arrayOf(string),
    }),
  );

  it('reads a well-formed answer and ignores fields it does not know', () => {
    const parsed = device.safeParse({
      id: 'd1',
      status: 'pending',
      current: true,
      approvedAt: null,
      emails: ['a@b.fr'],
      extra: 42,
    });
    expect(parsed).toEqual({
      success: true,
      data: { id: 'd1', status: 'pending', current: true, approvedAt: null, emails: ['a@b.fr'] },
    });
  });

  it('names the field that drifted from the contract', () => {
    const wrongStatus = device.safeParse({
      id: 'd1',
      status: 'approved',
      current: true,
      approvedAt: null,
      emails: [],
    });
    expect(wrongStatus).toEqual({
      success: false,
      error: { message: 'status: expected pending | active | revoked' },
    });
    const wrongItem = device.safeParse({
      id: 'd1',
      status: 'active',
      current: true,
      approvedAt: null,
      emails: [3],
    });
    expect(wrongItem.success).toBe(false);
    expect(!wrongItem.success && wrongItem.error.message).toBe('emails[0]: expected a string');
    expect(device.safeParse(null)).toEqual({
      success: false,
      error: { message: 'answer: expected an object' },
    });
  });

  it('reads arrays of objects with the index in the path', () => {
    const list = schema(arrayOf(object({ serial: string })));
    expect(list.safeParse([{ serial: 'ab' }])).toEqual({ success: true, data: [{ serial: 'ab' }] });
    const bad = list.safeParse([{ serial: 'ab' }, {}]);
    expect(!bad.success && bad.error.message).toBe('[1].serial: expected a string');
  });
});
