import type { BillingData, BillingEntry } from '@liaison/core/api/teleexpertise';
import type { Reader } from '../db/index.ts';
import { fail } from '../errors.ts';
import { TELEEXPERTISE_TIME_ZONE } from './availability.ts';
import { expertServiceIds } from './requestStore.ts';

/** Milliseconds the zone is ahead of UTC at an instant (e.g. +3 600 000 for Paris in winter). */
function zoneOffsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return local - Math.floor(at / 1000) * 1000;
}

/** The UTC instant of local midnight on the first of a month (month may overflow: 13 = next January). */
export function monthStart(year: number, month: number, timeZone = TELEEXPERTISE_TIME_ZONE): Date {
  const guess = Date.UTC(year, month - 1, 1);
  // Twice: the offset at local midnight may differ from the one at UTC midnight around a change.
  let at = guess - zoneOffsetMs(guess, timeZone);
  at = guess - zoneOffsetMs(at, timeZone);
  return new Date(at);
}

async function entries(
  db: Reader,
  filter: { assignee?: string; serviceIds?: string[] },
  from: Date,
  to: Date,
): Promise<BillingEntry[]> {
  let q = db
    .selectFrom('te_requests as r')
    .innerJoin('te_services as s', 's.id', 'r.service_id')
    .innerJoin('users as expert', 'expert.id', 'r.assignee_user_id')
    .innerJoin('users as requester', 'requester.id', 'r.requester_user_id')
    .select([
      'r.id',
      'r.service_id',
      's.name as service_name',
      'r.answered_at',
      'r.assignee_user_id',
      'expert.first_name as expert_first',
      'expert.last_name as expert_last',
      'expert.national_id_kind as expert_id_kind',
      'expert.national_id as expert_id',
      'requester.first_name as requester_first',
      'requester.last_name as requester_last',
      'requester.national_id_kind as requester_id_kind',
      'requester.national_id as requester_id',
      'r.envelope',
    ])
    .where('r.status', '=', 'completed')
    .where('r.answered_at', '>=', from.toISOString())
    .where('r.answered_at', '<', to.toISOString());
  if (filter.assignee) q = q.where('r.assignee_user_id', '=', filter.assignee);
  if (filter.serviceIds) q = q.where('r.service_id', 'in', filter.serviceIds);
  const rows = await q.orderBy('r.answered_at').orderBy('r.id').execute();
  return rows.map((r) => ({
    requestId: r.id,
    serviceId: r.service_id,
    serviceName: r.service_name,
    answeredAt: r.answered_at ?? '',
    expertUserId: r.assignee_user_id ?? '',
    expertName: `${r.expert_first} ${r.expert_last}`,
    expertRpps: r.expert_id_kind === 'rpps' ? r.expert_id : null,
    requesterName: `${r.requester_first} ${r.requester_last}`,
    requesterRpps: r.requester_id_kind === 'rpps' ? r.requester_id : null,
    envelope: Buffer.from(r.envelope).toString('base64'),
  }));
}

/**
 * Billing data for an expert's month (Paris month boundaries): their completed requests, and those of
 * their services over the twelve months up to the month's end (the device warns past four a year for
 * one patient, which only it can tell, after decrypting).
 */
export async function billingData(db: Reader, userId: string, month: string): Promise<BillingData> {
  const services = await expertServiceIds(db, userId);
  if (services.length === 0) fail('TE_NOT_EXPERT');
  const [year, m] = month.split('-').map(Number) as [number, number];
  const from = monthStart(year, m);
  const to = monthStart(year, m + 1);
  const yearFrom = monthStart(year, m - 11);
  return {
    month,
    entries: await entries(db, { assignee: userId }, from, to),
    yearEntries: await entries(db, { serviceIds: services }, yearFrom, to),
  };
}
