import { applyTaskAction } from '@liaison/core/teleexpertise/task';
import { iso } from '../clock.ts';
import type { Tx } from '../db/index.ts';
import {
  assignRequest,
  clearSkipsWhenExhausted,
  everyoneDeclined,
  type AssignmentDeps,
} from './assignment.ts';
import { lockRequest, type RequestRow } from './requestStore.ts';
import { appendEvent } from './timeline.ts';

/**
 * A request just went back to `requested` (declined or skipped): rejected when every expert of the
 * service has declined it, otherwise handed at once to someone else eligible, otherwise queued.
 */
export async function afterRequeue(
  tx: Tx,
  deps: AssignmentDeps,
  requestId: string,
  now: Date,
): Promise<void> {
  const at = iso(now);
  const request: RequestRow | null = await lockRequest(tx, requestId);
  if (!request || request.status !== 'requested') return;
  const base = {
    requestId: request.id,
    serviceId: request.service_id,
    requesterUserId: request.requester_user_id,
    actorUserId: null,
    expertUserId: null,
    at,
  };
  if (await everyoneDeclined(tx, request.id, request.service_id)) {
    const status = applyTaskAction('requested', 'reject');
    await tx.db
      .updateTable('te_requests')
      .set({ status, assignee_user_id: null, updated_at: at })
      .where('id', '=', request.id)
      .execute();
    await appendEvent(tx, deps, { ...base, assigneeUserId: null, kind: 'rejected', status });
    return;
  }
  await clearSkipsWhenExhausted(tx, request.id, request.service_id);
  if (await assignRequest(tx, deps, request, now)) return;
  await appendEvent(tx, deps, { ...base, assigneeUserId: null, kind: 'queued', status: 'requested' });
}
