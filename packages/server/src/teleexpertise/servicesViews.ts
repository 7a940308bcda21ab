import type {
  FormRef,
  TeleexpertiseExpert,
  TeleexpertiseService,
  WeeklySlot,
} from '@liaison/core/api/teleexpertise';
import { OPEN_ASSIGNED_STATUSES } from '@liaison/core/teleexpertise/task';
import { adminOf, hasRole, type Actor } from '../auth/actor.ts';
import { iso } from '../clock.ts';
import type { Reader } from '../db/index.ts';
import { canTakeRequest, type AbsenceSpan, type ExpertAvailability } from './availability.ts';

/**
 * Services as the API shows them: the stored row plus its establishment, mailbox address, current
 * encryption certificate, accepted forms, queue length and (for those who run it) its experts with
 * their load and availability. Each piece is one query for the whole list, not one per service.
 */

export interface ServiceRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  mailbox_id: string;
  mailbox_address: string;
  name: string;
  specialty: string;
  sla_hours: number;
  accept_timeout_hours: number;
  active: number;
}

export async function serviceRows(db: Reader, filter: { id?: string } = {}): Promise<ServiceRow[]> {
  let query = db
    .selectFrom('te_services')
    .innerJoin('organisations', 'organisations.id', 'te_services.organisation_id')
    .innerJoin('mailboxes', 'mailboxes.id', 'te_services.mailbox_id')
    .select([
      'te_services.id',
      'te_services.organisation_id',
      'organisations.name as organisation_name',
      'te_services.mailbox_id',
      'mailboxes.address as mailbox_address',
      'te_services.name',
      'te_services.specialty',
      'te_services.sla_hours',
      'te_services.accept_timeout_hours',
      'te_services.active',
    ]);
  if (filter.id !== undefined) query = query.where('te_services.id', '=', filter.id);
  return query.orderBy('organisations.name').orderBy('te_services.name').execute();
}

/** Platform admins and the establishment's admins run a service. */
export function runsService(actor: Actor, organisationId: string): boolean {
  return hasRole(actor, 'platform_admin') || adminOf(actor).includes(organisationId);
}

/** The ids among `serviceIds` where `userId` is an expert. */
async function expertOf(db: Reader, userId: string, serviceIds: readonly string[]): Promise<Set<string>> {
  if (serviceIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('te_experts')
    .select('service_id')
    .where('user_id', '=', userId)
    .where('service_id', 'in', serviceIds)
    .execute();
  return new Set(rows.map((r) => r.service_id));
}

/** Who may see a service's experts: its admins and its experts. */
export async function expertViewers(
  db: Reader,
  actor: Actor,
  rows: readonly ServiceRow[],
): Promise<Set<string>> {
  const mine = await expertOf(
    db,
    actor.userId,
    rows.map((r) => r.id),
  );
  return new Set(
    rows.filter((r) => mine.has(r.id) || runsService(actor, r.organisation_id)).map((r) => r.id),
  );
}

async function certificates(
  db: Reader,
  mailboxIds: readonly string[],
  now: Date,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (mailboxIds.length === 0) return found;
  const rows = await db
    .selectFrom('pki_certificates')
    .select(['mailbox_id', 'certificate_pem'])
    .where('mailbox_id', 'in', mailboxIds)
    .where('usage', '=', 'encryption')
    .where('state', '=', 'active')
    .where('not_after', '>', iso(now))
    // Newest first: the first seen per mailbox is the current one.
    .orderBy('created_at', 'desc')
    .execute();
  for (const row of rows) {
    if (row.mailbox_id && !found.has(row.mailbox_id)) found.set(row.mailbox_id, row.certificate_pem);
  }
  return found;
}

async function formsOf(db: Reader, serviceIds: readonly string[]): Promise<Map<string, FormRef[]>> {
  const found = new Map<string, FormRef[]>(serviceIds.map((id) => [id, []]));
  if (serviceIds.length === 0) return found;
  const rows = await db
    .selectFrom('te_service_forms')
    .selectAll()
    .where('service_id', 'in', serviceIds)
    .orderBy('form_url')
    .orderBy('form_version')
    .execute();
  for (const row of rows) found.get(row.service_id)?.push({ url: row.form_url, version: row.form_version });
  return found;
}

async function queued(db: Reader, serviceIds: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (serviceIds.length === 0) return found;
  const rows = await db
    .selectFrom('te_requests')
    .select(['service_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('service_id', 'in', serviceIds)
    .where('status', '=', 'requested')
    .groupBy('service_id')
    .execute();
  for (const row of rows) found.set(row.service_id, Number(row.n));
  return found;
}

interface MutableAvailability {
  capacity: number;
  slots: WeeklySlot[];
  absences: AbsenceSpan[];
}

/** Availability of each user: capacity (0 when never declared), weekly slots, absences not over. */
async function availabilities(
  db: Reader,
  userIds: readonly string[],
  now: Date,
): Promise<Map<string, ExpertAvailability>> {
  const found = new Map<string, MutableAvailability>(
    userIds.map((id) => [id, { capacity: 0, slots: [], absences: [] }]),
  );
  if (userIds.length === 0) return found;
  const [capacities, slots, absences] = await Promise.all([
    db
      .selectFrom('te_availability')
      .select(['user_id', 'capacity'])
      .where('user_id', 'in', userIds)
      .execute(),
    db.selectFrom('te_slots').selectAll().where('user_id', 'in', userIds).execute(),
    db
      .selectFrom('te_absences')
      .select(['user_id', 'starts_at', 'ends_at'])
      .where('user_id', 'in', userIds)
      .where('ends_at', '>', iso(now))
      .execute(),
  ]);
  for (const row of capacities) {
    const a = found.get(row.user_id);
    if (a) a.capacity = row.capacity;
  }
  for (const row of slots) {
    found.get(row.user_id)?.slots.push({ weekday: row.weekday, start: row.start, end: row.end });
  }
  for (const row of absences) found.get(row.user_id)?.absences.push({ from: row.starts_at, to: row.ends_at });
  return found;
}

/** Open requests per assignee, across every service (capacity is the person's, not the service's). */
async function openRequests(db: Reader, userIds: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (userIds.length === 0) return found;
  const rows = await db
    .selectFrom('te_requests')
    .select(['assignee_user_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('assignee_user_id', 'in', userIds)
    .where('status', 'in', OPEN_ASSIGNED_STATUSES)
    .groupBy('assignee_user_id')
    .execute();
  for (const row of rows) if (row.assignee_user_id) found.set(row.assignee_user_id, Number(row.n));
  return found;
}

export async function expertsOf(
  db: Reader,
  serviceIds: readonly string[],
  now: Date,
): Promise<Map<string, TeleexpertiseExpert[]>> {
  const found = new Map<string, TeleexpertiseExpert[]>(serviceIds.map((id) => [id, []]));
  if (serviceIds.length === 0) return found;
  const rows = await db
    .selectFrom('te_experts')
    .innerJoin('users', 'users.id', 'te_experts.user_id')
    .select([
      'te_experts.service_id',
      'te_experts.user_id',
      'te_experts.added_at',
      'te_experts.last_assigned_at',
      'users.first_name',
      'users.last_name',
      'users.national_id_kind',
      'users.national_id',
    ])
    .where('te_experts.service_id', 'in', serviceIds)
    .orderBy('users.last_name')
    .orderBy('users.first_name')
    .execute();
  const userIds = [...new Set(rows.map((r) => r.user_id))];
  const [open, avail] = await Promise.all([openRequests(db, userIds), availabilities(db, userIds, now)]);
  for (const row of rows) {
    const count = open.get(row.user_id) ?? 0;
    const availability = avail.get(row.user_id) ?? { capacity: 0, slots: [], absences: [] };
    found.get(row.service_id)?.push({
      userId: row.user_id,
      displayName: `${row.first_name} ${row.last_name}`,
      rpps: row.national_id_kind === 'rpps' ? row.national_id : null,
      addedAt: row.added_at,
      lastAssignedAt: row.last_assigned_at,
      openRequests: count,
      capacity: availability.capacity,
      availableNow: canTakeRequest(availability, count, now),
    });
  }
  return found;
}

export async function serviceViews(
  db: Reader,
  actor: Actor,
  rows: readonly ServiceRow[],
  now: Date,
): Promise<TeleexpertiseService[]> {
  const ids = rows.map((r) => r.id);
  const viewers = await expertViewers(db, actor, rows);
  const [certs, forms, queue, experts] = await Promise.all([
    certificates(
      db,
      rows.map((r) => r.mailbox_id),
      now,
    ),
    formsOf(db, ids),
    queued(db, ids),
    expertsOf(
      db,
      ids.filter((id) => viewers.has(id)),
      now,
    ),
  ]);
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    name: row.name,
    specialty: row.specialty,
    mailboxId: row.mailbox_id,
    mailboxAddress: row.mailbox_address,
    encryptionCertificate: certs.get(row.mailbox_id) ?? null,
    slaHours: row.sla_hours,
    acceptTimeoutHours: row.accept_timeout_hours,
    forms: forms.get(row.id) ?? [],
    active: row.active === 1,
    experts: experts.get(row.id) ?? [],
    queued: queue.get(row.id) ?? 0,
  }));
}
