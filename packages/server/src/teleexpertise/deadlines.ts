import { applyTaskAction } from '@liaison/core/teleexpertise/task';
import { iso } from '../clock.ts';
import type { AssignmentDeps } from './assignment.ts';
import { lockRequest, lockService } from './requestStore.ts';
import { afterRequeue } from './requeue.ts';
import { appendEvent } from './timeline.ts';

/** Share of the deadline left when the assignee is reminded (at 75 % of the time allowed). */
const REMINDER_SHARE_LEFT = 0.25;

/**
 * Received requests nobody accepted within the service's acceptance delay: the assignee is skipped
 * (kept out of this request's round, like a decliner, until everyone eligible has been skipped) and
 * the request goes to the next expert. Each request in its own transaction.
 */
export async function skipUnaccepted(deps: AssignmentDeps): Promise<number> {
  const now = deps.clock.now();
  const at = iso(now);
  const received = await deps.db.read
    .selectFrom('te_requests')
    .innerJoin('te_services', 'te_services.id', 'te_requests.service_id')
    .select([
      'te_requests.id',
      'te_requests.service_id',
      'te_requests.assigned_at',
      'te_services.accept_timeout_hours',
    ])
    .where('te_requests.status', '=', 'received')
    .orderBy('te_requests.assigned_at')
    .execute();
  const late = received.filter(
    (r) =>
      r.assigned_at !== null &&
      Date.parse(r.assigned_at) + r.accept_timeout_hours * 3_600_000 <= now.getTime(),
  );
  let skipped = 0;
  for (const candidate of late) {
    await deps.db.transaction(async (tx) => {
      const service = await lockService(tx, candidate.service_id);
      const request = await lockRequest(tx, candidate.id);
      // Re-checked under the locks: accepted or declined in the meantime is not late any more.
      if (
        !service ||
        !request ||
        request.status !== 'received' ||
        request.assigned_at !== candidate.assigned_at
      )
        return;
      const expert = request.assignee_user_id;
      if (!expert) return;
      const status = applyTaskAction(request.status, 'skip');
      await tx.db
        .insertInto('te_declines')
        .values({ request_id: request.id, user_id: expert, kind: 'skipped', at })
        .execute();
      await tx.db
        .updateTable('te_requests')
        .set({ status, assignee_user_id: null, assigned_at: null, updated_at: at })
        .where('id', '=', request.id)
        .execute();
      await appendEvent(tx, deps, {
        requestId: request.id,
        serviceId: request.service_id,
        requesterUserId: request.requester_user_id,
        assigneeUserId: null,
        kind: 'skipped',
        actorUserId: null,
        status,
        expertUserId: expert,
        at,
      });
      await afterRequeue(tx, deps, request.id, now);
      skipped++;
    });
  }
  return skipped;
}

/**
 * Assigned requests (not on hold: the clock is paused there) at 75 % of their deadline get one
 * reminder to their assignee.
 */
export async function remindNearDeadline(deps: AssignmentDeps): Promise<number> {
  const now = deps.clock.now();
  const at = iso(now);
  const open = await deps.db.read
    .selectFrom('te_requests')
    .select(['id', 'due_at', 'sla_ms'])
    .where('status', 'in', ['received', 'accepted', 'in-progress'])
    .where('reminded_at', 'is', null)
    .execute();
  // Number(): a bigint column comes back from PostgreSQL as a string.
  const due = open.filter(
    (r) => now.getTime() >= Date.parse(r.due_at) - REMINDER_SHARE_LEFT * Number(r.sla_ms),
  );
  let reminded = 0;
  for (const candidate of due) {
    await deps.db.transaction(async (tx) => {
      const request = await lockRequest(tx, candidate.id);
      if (!request || request.reminded_at !== null || !request.assignee_user_id) return;
      if (!['received', 'accepted', 'in-progress'].includes(request.status)) return;
      await tx.db.updateTable('te_requests').set({ reminded_at: at }).where('id', '=', request.id).execute();
      await appendEvent(tx, deps, {
        requestId: request.id,
        serviceId: request.service_id,
        requesterUserId: request.requester_user_id,
        assigneeUserId: request.assignee_user_id,
        kind: 'reminded',
        actorUserId: null,
        status: request.status,
        expertUserId: request.assignee_user_id,
        at,
      });
      reminded++;
    });
  }
  return reminded;
}
