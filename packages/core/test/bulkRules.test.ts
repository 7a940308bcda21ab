import { describe, expect, it } from 'vitest';
import {
  BULK_MAIL_CHARTER_ARTICLE,
  bulkTrips,
  countsTowardHourly,
  declaredPatients,
  type BulkLimits,
} from '../src/index.ts';

const defaults: BulkLimits = {
  messageRecipients: { value: 20, source: 'default' },
  hourlyRecipients: { value: 40, source: 'default' },
  hourlyExempt: false,
};

describe('bulk-mail rules', () => {
  it('lets a message to exactly the limit through and holds one more recipient', () => {
    expect(bulkTrips({ recipients: 20, hourlyRecipients: 20, counts: true }, defaults)).toEqual([]);
    expect(bulkTrips({ recipients: 21, hourlyRecipients: 21, counts: true }, defaults)).toEqual([
      {
        rule: 'message_recipients',
        charterArticle: BULK_MAIL_CHARTER_ARTICLE,
        limit: 20,
        observed: 21,
        source: 'default',
      },
    ]);
  });

  it('holds once one sender wrote to more distinct recipients in the hour than allowed', () => {
    expect(bulkTrips({ recipients: 5, hourlyRecipients: 41, counts: true }, defaults)).toEqual([
      expect.objectContaining({ rule: 'hourly_recipients', limit: 40, observed: 41 }),
    ]);
    expect(bulkTrips({ recipients: 5, hourlyRecipients: 40, counts: true }, defaults)).toEqual([]);
  });

  it('names both rules, the per-message one first, when a message trips both', () => {
    const trips = bulkTrips({ recipients: 30, hourlyRecipients: 60, counts: true }, defaults);
    expect(trips.map((t) => t.rule)).toEqual(['message_recipients', 'hourly_recipients']);
  });

  it('does not apply the hourly rule to exempt senders or to messages that do not count', () => {
    const exempt = { ...defaults, hourlyExempt: true };
    expect(bulkTrips({ recipients: 2, hourlyRecipients: 500, counts: true }, exempt)).toEqual([]);
    expect(bulkTrips({ recipients: 2, hourlyRecipients: 500, counts: false }, defaults)).toEqual([]);
    // The per-message rule still applies to exempt senders.
    expect(bulkTrips({ recipients: 21, hourlyRecipients: 21, counts: true }, exempt)).toHaveLength(1);
  });

  it('reports a technician-set limit as the sender’s own', () => {
    const own: BulkLimits = { ...defaults, messageRecipients: { value: 5, source: 'sender' } };
    expect(bulkTrips({ recipients: 6, hourlyRecipients: 6, counts: true }, own)[0]).toMatchObject({
      limit: 5,
      source: 'sender',
    });
  });

  it('counts information messages and several-patient letters, not one-patient letters', () => {
    expect(countsTowardHourly('information', 0)).toBe(true);
    expect(countsTowardHourly('patient', 1)).toBe(false);
    expect(countsTowardHourly('patient', 3)).toBe(true);
    expect(countsTowardHourly('patient', 0)).toBe(true);
  });

  it('takes an undeclared patient count as one for a patient letter and none for information', () => {
    expect(declaredPatients('patient', undefined)).toBe(1);
    expect(declaredPatients('patient', 4)).toBe(4);
    expect(declaredPatients('information', undefined)).toBe(0);
    expect(declaredPatients('information', 2)).toBe(0);
  });
});
