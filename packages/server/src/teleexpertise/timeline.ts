import type { TimelineKind } from '@liaison/core/api/teleexpertise';
import type { TaskStatus } from '@liaison/core/teleexpertise/task';
import type { Deps } from '../deps.ts';
import type { Tx } from '../db/index.ts';
import { publishTeleexpertise } from './events.ts';
import { serviceExpertIds } from './requestStore.ts';

export type TimelineDeps = Pick<Deps, 'audit' | 'bus'>;

export interface TimelineEntry {
  requestId: string;
  serviceId: string;
  requesterUserId: string;
  /** The assignee after the transition (told as well as the service's experts). */
  assigneeUserId: string | null;
  kind: TimelineKind;
  /** null: the platform (assignment, skip, reminder, rejection). */
  actorUserId: string | null;
  status: TaskStatus;
  expertUserId: string | null;
  envelope?: Uint8Array | null;
  at: string;
}

/**
 * Appends one transition to the request's timeline, in the caller's transaction: the next sequence
 * number (te_requests.last_seq, bumped under the request's lock), the te_events row, an audit entry
 * (routing only: never the envelope or anything of the patient), and a push to everyone concerned
 * once the transaction commits.
 */
export async function appendEvent(tx: Tx, deps: TimelineDeps, entry: TimelineEntry): Promise<number> {
  await tx.db
    .updateTable('te_requests')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('id', '=', entry.requestId)
    .execute();
  const { last_seq: seq } = await tx.db
    .selectFrom('te_requests')
    .select('last_seq')
    .where('id', '=', entry.requestId)
    .executeTakeFirstOrThrow();
  await tx.db
    .insertInto('te_events')
    .values({
      request_id: entry.requestId,
      seq,
      at: entry.at,
      kind: entry.kind,
      actor_user_id: entry.actorUserId,
      status: entry.status,
      expert_user_id: entry.expertUserId,
      envelope: entry.envelope ?? null,
    })
    .execute();
  await deps.audit.append(tx, {
    actor: entry.actorUserId ?? 'system',
    action: `teleexpertise.${entry.kind}`,
    target: entry.requestId,
    details: {
      serviceId: entry.serviceId,
      seq,
      status: entry.status,
      ...(entry.expertUserId ? { expertUserId: entry.expertUserId } : {}),
    },
  });
  const experts = await serviceExpertIds(tx.db, entry.serviceId);
  const userIds = [
    ...new Set([
      entry.requesterUserId,
      ...(entry.assigneeUserId ? [entry.assigneeUserId] : []),
      ...(entry.expertUserId ? [entry.expertUserId] : []),
      ...experts,
    ]),
  ];
  publishTeleexpertise(tx, deps.bus, {
    userIds,
    event: {
      type: 'teleexpertise',
      requestId: entry.requestId,
      serviceId: entry.serviceId,
      status: entry.status,
      kind: entry.kind,
    },
  });
  return seq;
}
