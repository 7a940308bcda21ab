import { createHash } from 'node:crypto';
import {
  MAX_TE_REQUEST_ENVELOPE_BYTES,
  type CreateTeleexpertiseRequest,
} from '@liaison/core/api/teleexpertise';
import { iso } from '../clock.ts';
import type { Reader, Tx } from '../db/index.ts';
import { fail } from '../errors.ts';
import { isUniqueViolation } from '../pki/store.ts';
import { assignRequest, type AssignmentDeps } from './assignment.ts';
import { checkRecipients, decodeEnvelope } from './envelopes.ts';
import { lockRequest, lockService } from './requestStore.ts';
import { appendEvent } from './timeline.ts';

/** What makes two attempts of one id the same request: its routing and its exact envelope. */
function fingerprintOf(input: CreateTeleexpertiseRequest, envelope: Buffer): string {
  return createHash('sha256')
    .update(
      JSON.stringify([input.serviceId, input.form.url, input.form.version, input.followsRequestId ?? null]),
    )
    .update('\0')
    .update(envelope)
    .digest('hex');
}

/**
 * The requester's personal mailbox (where the answer letter goes): an active account owning a PER
 * mailbox. The personal encryption certificate is checked with the envelope's recipients.
 */
async function requesterMailbox(db: Reader, userId: string): Promise<string> {
  const row = await db
    .selectFrom('users')
    .innerJoin('mailbox_members', 'mailbox_members.user_id', 'users.id')
    .innerJoin('mailboxes', 'mailboxes.id', 'mailbox_members.mailbox_id')
    .select('mailboxes.id')
    .where('users.id', '=', userId)
    .where('users.status', '=', 'active')
    .where('mailbox_members.access', '=', 'owner')
    .where('mailboxes.kind', '=', 'PER')
    .orderBy('mailboxes.created_at')
    .executeTakeFirst();
  if (!row) fail('FORBIDDEN', 'Only a verified professional with a personal mailbox can ask for advice.');
  return row.id;
}

async function formAccepted(tx: Tx, serviceId: string, input: CreateTeleexpertiseRequest): Promise<boolean> {
  const row = await tx.db
    .selectFrom('te_service_forms')
    .select('service_id')
    .where('service_id', '=', serviceId)
    .where('form_url', '=', input.form.url)
    .where('form_version', '=', input.form.version)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Stores a new request ('requested', due created + SLA), then hands it at once to an eligible expert
 * or leaves it queued. A retry with the same id and envelope returns the stored one (created false).
 */
export async function createRequest(
  deps: AssignmentDeps,
  userId: string,
  input: CreateTeleexpertiseRequest,
): Promise<{ created: boolean; requestId: string }> {
  const envelope = decodeEnvelope(input.envelope, MAX_TE_REQUEST_ENVELOPE_BYTES);
  const fingerprint = fingerprintOf(input, envelope);
  const now = deps.clock.now();
  const at = iso(now);
  return deps.db.transaction(async (tx) => {
    const service = await lockService(tx, input.serviceId);
    const stored = await lockRequest(tx, input.id);
    if (stored) {
      if (stored.requester_user_id !== userId || stored.fingerprint !== fingerprint)
        fail('TE_REQUEST_CONFLICT');
      return { created: false, requestId: stored.id };
    }
    if (!service || service.active !== 1) fail('TE_SERVICE_NOT_FOUND');
    if (!(await formAccepted(tx, service.id, input))) fail('TE_FORM_NOT_ACCEPTED');
    if (input.followsRequestId !== undefined) {
      const earlier = await tx.db
        .selectFrom('te_requests')
        .select('id')
        .where('id', '=', input.followsRequestId)
        .where('requester_user_id', '=', userId)
        .executeTakeFirst();
      if (!earlier) fail('TE_FOLLOW_UP_NOT_FOUND');
    }
    const mailboxId = await requesterMailbox(tx.db, userId);
    await checkRecipients(tx.db, envelope, service.mailbox_id, userId, at);
    const slaMs = service.sla_hours * 3_600_000;
    const row = {
      id: input.id,
      service_id: service.id,
      form_url: input.form.url,
      form_version: input.form.version,
      requester_user_id: userId,
      requester_mailbox_id: mailboxId,
      follows_request_id: input.followsRequestId ?? null,
      status: 'requested' as const,
      assignee_user_id: null,
      assigned_at: null,
      first_accepted_at: null,
      answered_at: null,
      sla_ms: slaMs,
      due_at: iso(new Date(now.getTime() + slaMs)),
      paused_at: null,
      reminded_at: null,
      answer_message_id: null,
      fingerprint,
      size: envelope.length,
      created_at: at,
      updated_at: at,
      last_seq: 0,
      envelope: new Uint8Array(envelope),
      answer_envelope: null,
    };
    try {
      await tx.db.insertInto('te_requests').values(row).execute();
    } catch (err) {
      // The same id stored at this moment for another service: the locks did not meet, the key did.
      if (isUniqueViolation(err)) fail('TE_REQUEST_CONFLICT');
      throw err;
    }
    const base = {
      requestId: row.id,
      serviceId: row.service_id,
      requesterUserId: userId,
      assigneeUserId: null,
      expertUserId: null,
      at,
    };
    await appendEvent(tx, deps, { ...base, kind: 'created', actorUserId: userId, status: 'requested' });
    if (!(await assignRequest(tx, deps, row, now))) {
      await appendEvent(tx, deps, { ...base, kind: 'queued', actorUserId: null, status: 'requested' });
    }
    return { created: true, requestId: row.id };
  });
}
