import { applyTaskAction, OPEN_ASSIGNED_STATUSES } from '@liaison/core/teleexpertise/task';
import { iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import type { Tx } from '../db/index.ts';
import { onDuty, type ExpertAvailability } from './availability.ts';
import { lockService, openCounts, type RequestRow } from './requestStore.ts';
import { appendEvent } from './timeline.ts';

export type AssignmentDeps = Pick<Deps, 'db' | 'clock' | 'audit' | 'bus'>;

interface Candidate {
  userId: string;
  addedAt: string;
  lastAssignedAt: string | null;
  availability: ExpertAvailability;
}

/** The service's experts who declared an availability, with their slots and current absences. */
async function candidates(tx: Tx, serviceId: string, nowIso: string): Promise<Candidate[]> {
  const experts = await tx.db
    .selectFrom('te_experts')
    .innerJoin('te_availability', 'te_availability.user_id', 'te_experts.user_id')
    .innerJoin('users', 'users.id', 'te_experts.user_id')
    .select([
      'te_experts.user_id',
      'te_experts.added_at',
      'te_experts.last_assigned_at',
      'te_availability.capacity',
    ])
    .where('te_experts.service_id', '=', serviceId)
    .where('users.status', '=', 'active')
    .execute();
  if (experts.length === 0) return [];
  const ids = experts.map((e) => e.user_id);
  const slots = await tx.db.selectFrom('te_slots').selectAll().where('user_id', 'in', ids).execute();
  const absences = await tx.db
    .selectFrom('te_absences')
    .select(['user_id', 'starts_at', 'ends_at'])
    .where('user_id', 'in', ids)
    .where('ends_at', '>', nowIso)
    .execute();
  return experts.map((e) => ({
    userId: e.user_id,
    addedAt: e.added_at,
    lastAssignedAt: e.last_assigned_at,
    availability: {
      capacity: e.capacity,
      slots: slots.filter((s) => s.user_id === e.user_id),
      absences: absences
        .filter((a) => a.user_id === e.user_id)
        .map((a) => ({ from: a.starts_at, to: a.ends_at })),
    },
  }));
}

/** Round-robin order: the longest wait since the last assignment here first (never assigned first). */
function byTurn(a: Candidate, b: Candidate): number {
  if (a.lastAssignedAt !== b.lastAssignedAt) {
    if (a.lastAssignedAt === null) return -1;
    if (b.lastAssignedAt === null) return 1;
    return a.lastAssignedAt < b.lastAssignedAt ? -1 : 1;
  }
  if (a.addedAt !== b.addedAt) return a.addedAt < b.addedAt ? -1 : 1;
  return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
}

async function excludedFor(tx: Tx, requestId: string): Promise<Set<string>> {
  const rows = await tx.db
    .selectFrom('te_declines')
    .select('user_id')
    .where('request_id', '=', requestId)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/**
 * The user's open requests, counted under their availability row's lock on PostgreSQL: capacity is
 * across services, and another service's assignment (holding another service lock) may be counting
 * the same expert at this moment.
 */
async function lockedOpenCount(tx: Tx, userId: string): Promise<number> {
  if (tx.dialect === 'postgres') {
    await tx.db
      .selectFrom('te_availability')
      .select('user_id')
      .where('user_id', '=', userId)
      .forUpdate()
      .execute();
  }
  return (await openCounts(tx.db, [userId], OPEN_ASSIGNED_STATUSES)).get(userId) ?? 0;
}

/**
 * The round-robin stamp: now, or just after the service's latest stamp when that is not earlier
 * (several assignments in one millisecond, e.g. a tick serving a queue), so turns stay strictly
 * ordered and ties cannot send two requests in a row to the same expert.
 */
async function turnStamp(tx: Tx, serviceId: string, now: Date): Promise<string> {
  const row = await tx.db
    .selectFrom('te_experts')
    .select((eb) => eb.fn.max('last_assigned_at').as('latest'))
    .where('service_id', '=', serviceId)
    .executeTakeFirst();
  const latest = row?.latest ? Date.parse(row.latest) : -Infinity;
  return iso(new Date(Math.max(now.getTime(), latest + 1)));
}

/**
 * Hands one queued request to the next eligible expert of its service: on duty now, under capacity,
 * and who has neither declined nor been skipped on it. The caller holds the service's lock; the update
 * is conditional on the request still being queued, so it can never be assigned twice. Returns the
 * assignee, or null when nobody can take it now (it stays queued).
 */
export async function assignRequest(
  tx: Tx,
  deps: AssignmentDeps,
  request: RequestRow,
  now: Date,
): Promise<string | null> {
  if (request.status !== 'requested') return null;
  const nowIso = iso(now);
  const excluded = await excludedFor(tx, request.id);
  const pool = (await candidates(tx, request.service_id, nowIso))
    .filter((c) => !excluded.has(c.userId) && onDuty(c.availability, now))
    .sort(byTurn);
  for (const candidate of pool) {
    if ((await lockedOpenCount(tx, candidate.userId)) >= candidate.availability.capacity) continue;
    const status = applyTaskAction('requested', 'assign');
    const updated = await tx.db
      .updateTable('te_requests')
      .set({ status, assignee_user_id: candidate.userId, assigned_at: nowIso, updated_at: nowIso })
      .where('id', '=', request.id)
      .where('status', '=', 'requested')
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) return null;
    await tx.db
      .updateTable('te_experts')
      .set({ last_assigned_at: await turnStamp(tx, request.service_id, now) })
      .where('service_id', '=', request.service_id)
      .where('user_id', '=', candidate.userId)
      .execute();
    await appendEvent(tx, deps, {
      requestId: request.id,
      serviceId: request.service_id,
      requesterUserId: request.requester_user_id,
      assigneeUserId: candidate.userId,
      kind: 'assigned',
      actorUserId: null,
      status,
      expertUserId: candidate.userId,
      at: nowIso,
    });
    return candidate.userId;
  }
  return null;
}

/** Queued requests of one service, oldest first, each to the next eligible expert. */
export async function assignQueuedInService(deps: AssignmentDeps, serviceId: string): Promise<number> {
  return deps.db.transaction(async (tx) => {
    if (!(await lockService(tx, serviceId))) return 0;
    const now = deps.clock.now();
    const queued = await tx.db
      .selectFrom('te_requests')
      .selectAll()
      .where('service_id', '=', serviceId)
      .where('status', '=', 'requested')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    let assigned = 0;
    for (const request of queued) if (await assignRequest(tx, deps, request, now)) assigned++;
    return assigned;
  });
}

/** Every service with a queue (or the one given), each in its own transaction. */
export async function assignQueued(deps: AssignmentDeps, serviceId?: string): Promise<void> {
  let ids: string[];
  if (serviceId) ids = [serviceId];
  else {
    const rows = await deps.db.read
      .selectFrom('te_requests')
      .select('service_id')
      .distinct()
      .where('status', '=', 'requested')
      .execute();
    ids = rows.map((r) => r.service_id).sort();
  }
  for (const id of ids) await assignQueuedInService(deps, id);
}

/**
 * After a skip: when every expert who has not declined the request has been skipped on it, the skips
 * are forgotten so it can go round again (only declines are final).
 */
export async function clearSkipsWhenExhausted(tx: Tx, requestId: string, serviceId: string): Promise<void> {
  const experts = await tx.db
    .selectFrom('te_experts')
    .select('user_id')
    .where('service_id', '=', serviceId)
    .execute();
  const marks = await tx.db
    .selectFrom('te_declines')
    .select(['user_id', 'kind'])
    .where('request_id', '=', requestId)
    .execute();
  const marked = new Set(marks.map((m) => m.user_id));
  const anyUnmarked = experts.some((e) => !marked.has(e.user_id));
  if (!anyUnmarked && marks.some((m) => m.kind === 'skipped')) {
    await tx.db
      .deleteFrom('te_declines')
      .where('request_id', '=', requestId)
      .where('kind', '=', 'skipped')
      .execute();
  }
}

/** Whether every expert of the service has declined the request (it is then rejected). */
export async function everyoneDeclined(tx: Tx, requestId: string, serviceId: string): Promise<boolean> {
  const experts = await tx.db
    .selectFrom('te_experts')
    .select('user_id')
    .where('service_id', '=', serviceId)
    .execute();
  const declined = await tx.db
    .selectFrom('te_declines')
    .select('user_id')
    .where('request_id', '=', requestId)
    .where('kind', '=', 'declined')
    .execute();
  const set = new Set(declined.map((d) => d.user_id));
  return experts.every((e) => set.has(e.user_id));
}
