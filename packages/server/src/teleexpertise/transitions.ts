import {
  MAX_TE_NOTE_ENVELOPE_BYTES,
  type AnswerRequest,
  type TimelineKind,
} from '@liaison/core/api/teleexpertise';
import {
  canApply,
  TASK_TRANSITIONS,
  type TaskAction,
  type TaskStatus,
} from '@liaison/core/teleexpertise/task';
import { iso } from '../clock.ts';
import type { Tx } from '../db/index.ts';
import type { Updateable } from 'kysely';
import type { TeRequestTable } from '../db/schema.ts';
import { fail } from '../errors.ts';
import { assignQueued, type AssignmentDeps } from './assignment.ts';
import { checkRecipients, decodeEnvelope } from './envelopes.ts';
import {
  expertServiceIds,
  lockRequest,
  lockService,
  requireVisible,
  type RequestRow,
} from './requestStore.ts';
import { afterRequeue } from './requeue.ts';
import { appendEvent } from './timeline.ts';

/** What one action writes besides the status, and the timeline kind it records. */
interface Step {
  kind: TimelineKind;
  set?: Updateable<TeRequestTable>;
  envelope?: Buffer;
}

/**
 * Runs one caller action on a request under the service's then the request's lock: visible to the
 * caller (else TE_REQUEST_NOT_FOUND), the caller is the role the action belongs to (TE_NOT_ASSIGNEE /
 * TE_NOT_REQUESTER), the status allows it (TE_TRANSITION_NOT_ALLOWED, with the status), then the
 * update, the timeline entry, and whatever follows (reassignment after a decline). Refusals write
 * nothing: they throw before the first write, and the transaction rolls back.
 */
async function act(
  deps: AssignmentDeps,
  userId: string,
  requestId: string,
  action: TaskAction,
  plan: (tx: Tx, request: RequestRow, at: string) => Promise<Step>,
): Promise<RequestRow> {
  const now = deps.clock.now();
  const at = iso(now);
  return deps.db.transaction(async (tx) => {
    const seen = await tx.db
      .selectFrom('te_requests')
      .selectAll()
      .where('id', '=', requestId)
      .executeTakeFirst();
    const visible = await requireVisible(tx.db, seen ?? null, userId);
    await lockService(tx, visible.service_id);
    const request = await requireVisible(tx.db, await lockRequest(tx, requestId), userId);
    const by = TASK_TRANSITIONS[action].by;
    if (by === 'assignee' && request.assignee_user_id !== userId) fail('TE_NOT_ASSIGNEE');
    if (by === 'requester' && request.requester_user_id !== userId) fail('TE_NOT_REQUESTER');
    if (!canApply(request.status, action))
      fail('TE_TRANSITION_NOT_ALLOWED', undefined, { status: request.status });
    const status: TaskStatus = TASK_TRANSITIONS[action].to;
    const step = await plan(tx, request, at);
    const requeued = status === 'requested';
    await tx.db
      .updateTable('te_requests')
      .set({
        ...step.set,
        status,
        updated_at: at,
        ...(requeued ? { assignee_user_id: null, assigned_at: null } : {}),
      })
      .where('id', '=', request.id)
      .execute();
    await appendEvent(tx, deps, {
      requestId: request.id,
      serviceId: request.service_id,
      requesterUserId: request.requester_user_id,
      assigneeUserId: requeued ? null : request.assignee_user_id,
      kind: step.kind,
      actorUserId: userId,
      status,
      expertUserId: by === 'assignee' ? userId : null,
      envelope: step.envelope ? new Uint8Array(step.envelope) : null,
      at,
    });
    if (requeued) await afterRequeue(tx, deps, request.id, now);
    return request;
  });
}

/** Capacity just freed: the former assignee's services hand them their queued requests. */
async function freed(deps: AssignmentDeps, assigneeUserId: string | null): Promise<void> {
  if (!assigneeUserId) return;
  for (const serviceId of await expertServiceIds(deps.db.read, assigneeUserId)) {
    await assignQueued(deps, serviceId);
  }
}

export async function accept(deps: AssignmentDeps, userId: string, requestId: string): Promise<void> {
  await act(deps, userId, requestId, 'accept', (_tx, request, at) =>
    Promise.resolve({ kind: 'accepted', set: { first_accepted_at: request.first_accepted_at ?? at } }),
  );
}

export async function start(deps: AssignmentDeps, userId: string, requestId: string): Promise<void> {
  await act(deps, userId, requestId, 'start', () => Promise.resolve({ kind: 'started' }));
}

/** Back to the queue, never to this expert again; reassigned at once, or rejected when all declined. */
export async function decline(deps: AssignmentDeps, userId: string, requestId: string): Promise<void> {
  await act(deps, userId, requestId, 'decline', async (tx, request, at) => {
    await tx.db
      .deleteFrom('te_declines')
      .where('request_id', '=', request.id)
      .where('user_id', '=', userId)
      .execute();
    await tx.db
      .insertInto('te_declines')
      .values({ request_id: request.id, user_id: userId, kind: 'declined', at })
      .execute();
    return { kind: 'declined' };
  });
  // The decliner has room again for their services' other queued requests.
  await freed(deps, userId);
}

/** A question to the requester: on hold, the deadline clock paused. */
export async function ask(
  deps: AssignmentDeps,
  userId: string,
  requestId: string,
  text: string,
): Promise<void> {
  const envelope = decodeEnvelope(text, MAX_TE_NOTE_ENVELOPE_BYTES);
  await act(deps, userId, requestId, 'ask', async (tx, request, at) => {
    await checkRecipients(tx.db, envelope, await serviceMailbox(tx, request), request.requester_user_id, at);
    return { kind: 'info-requested', set: { paused_at: at }, envelope };
  });
}

/** The requester's information: work resumes, the deadline pushed back by the time on hold. */
export async function provide(
  deps: AssignmentDeps,
  userId: string,
  requestId: string,
  text: string,
): Promise<void> {
  const envelope = decodeEnvelope(text, MAX_TE_NOTE_ENVELOPE_BYTES);
  await act(deps, userId, requestId, 'provide', async (tx, request, at) => {
    await checkRecipients(tx.db, envelope, await serviceMailbox(tx, request), request.requester_user_id, at);
    const held = request.paused_at ? Date.parse(at) - Date.parse(request.paused_at) : 0;
    const dueAt = iso(new Date(Date.parse(request.due_at) + Math.max(0, held)));
    return { kind: 'info-provided', set: { paused_at: null, due_at: dueAt }, envelope };
  });
}

/**
 * The answer: the letter (From the service mailbox, To the requester's) was submitted first through
 * the mail API; this records its id and the answer envelope and completes the request.
 */
export async function answer(
  deps: AssignmentDeps,
  userId: string,
  requestId: string,
  input: AnswerRequest,
): Promise<void> {
  const envelope = decodeEnvelope(input.envelope, MAX_TE_NOTE_ENVELOPE_BYTES);
  await act(deps, userId, requestId, 'answer', async (tx, request, at) => {
    const mailboxId = await serviceMailbox(tx, request);
    const letter = await tx.db
      .selectFrom('mail_messages')
      .innerJoin('mail_recipients', 'mail_recipients.message_id', 'mail_messages.id')
      .select('mail_messages.id')
      .where('mail_messages.id', '=', input.letterMessageId)
      .where('mail_messages.sender_mailbox_id', '=', mailboxId)
      .where('mail_recipients.mailbox_id', '=', request.requester_mailbox_id)
      .executeTakeFirst();
    if (!letter) fail('TE_ANSWER_LETTER_NOT_FOUND');
    await checkRecipients(tx.db, envelope, mailboxId, request.requester_user_id, at);
    return {
      kind: 'answered',
      set: {
        answered_at: at,
        answer_message_id: input.letterMessageId,
        answer_envelope: new Uint8Array(envelope),
        paused_at: null,
      },
    };
  });
  await freed(deps, userId);
}

export async function cancel(deps: AssignmentDeps, userId: string, requestId: string): Promise<void> {
  const request = await act(deps, userId, requestId, 'cancel', () => Promise.resolve({ kind: 'cancelled' }));
  await freed(deps, request.assignee_user_id);
}

async function serviceMailbox(tx: Tx, request: RequestRow): Promise<string> {
  const row = await tx.db
    .selectFrom('te_services')
    .select('mailbox_id')
    .where('id', '=', request.service_id)
    .executeTakeFirstOrThrow();
  return row.mailbox_id;
}
