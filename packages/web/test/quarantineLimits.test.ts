import { SenderLimitRequest, type SenderLimit } from '@liaison/core/api/usage';
import { describe, expect, it } from 'vitest';
import {
  exemptChoice,
  limitAddress,
  limitFormValues,
  limitNumber,
  limitProblems,
  limitRequest,
  type LimitFormValues,
} from '../src/pages/quarantine/limits/limitValues.ts';

describe('per-sender limit form', () => {
  const limit: SenderLimit = {
    address: 'communication@chbs.test',
    messageRecipients: 60,
    hourlyRecipients: null,
    hourlyExempt: true,
    note: 'Service communication',
    setAt: '2026-05-01T08:00:00Z',
    setBy: 'Lucas Bernard',
    effective: { messageRecipients: 60, hourlyRecipients: 40, hourlyExempt: true },
  };
  const values = (patch: Partial<LimitFormValues> = {}): LimitFormValues => ({
    ...limitFormValues(null, 'claire.morvan@liaison.test'),
    ...patch,
  });

  it('starts empty (defaults) or from the limit already set', () => {
    expect(limitFormValues(null, 'claire.morvan@liaison.test')).toEqual({
      address: 'claire.morvan@liaison.test',
      messageRecipients: '',
      hourlyRecipients: '',
      hourlyExempt: 'default',
      note: '',
    });
    expect(limitFormValues(limit)).toEqual({
      address: 'communication@chbs.test',
      messageRecipients: 60,
      hourlyRecipients: '',
      hourlyExempt: 'exempt',
      note: 'Service communication',
    });
    expect(exemptChoice(false)).toBe('notExempt');
  });

  it('sends null for every field left to the default', () => {
    const request = limitRequest(values());
    expect(request).toEqual({
      messageRecipients: null,
      hourlyRecipients: null,
      hourlyExempt: null,
      note: null,
    });
    expect(SenderLimitRequest.safeParse(request).success).toBe(true);
  });

  it('sends the numbers, the exemption and the trimmed note', () => {
    const request = limitRequest(
      values({
        messageRecipients: 5,
        hourlyRecipients: '2 000',
        hourlyExempt: 'notExempt',
        note: '  Abus  ',
      }),
    );
    expect(request).toEqual({
      messageRecipients: 5,
      hourlyRecipients: 2000,
      hourlyExempt: false,
      note: 'Abus',
    });
    expect(SenderLimitRequest.safeParse(request).success).toBe(true);
    expect(limitRequest(values({ hourlyExempt: 'exempt' })).hourlyExempt).toBe(true);
  });

  it('reads number fields: empty is the default, anything else must be a whole number', () => {
    expect(limitNumber('')).toBeNull();
    expect(limitNumber('  ')).toBeNull();
    expect(limitNumber(12)).toBe(12);
    expect(limitNumber('1\u202f000')).toBe(1000);
    expect(limitNumber('abc')).toBeNaN();
  });

  it('flags a bad address and numbers out of range', () => {
    expect(limitProblems(values())).toEqual([]);
    expect(limitProblems(values({ address: 'pas une adresse' }))).toEqual(['address']);
    expect(limitProblems(values({ messageRecipients: 0 }))).toEqual(['messageRecipients']);
    expect(limitProblems(values({ messageRecipients: 201 }))).toEqual(['messageRecipients']);
    expect(limitProblems(values({ messageRecipients: 200, hourlyRecipients: 100_000 }))).toEqual([]);
    expect(limitProblems(values({ hourlyRecipients: 1.5 }))).toEqual(['hourlyRecipients']);
    expect(limitProblems(values({ hourlyRecipients: 100_001 }))).toEqual(['hourlyRecipients']);
  });

  it('addresses the limit the way mailboxes are stored', () => {
    expect(limitAddress({ address: '  Claire.Morvan@Liaison.test ' })).toBe('claire.morvan@liaison.test');
  });
});
