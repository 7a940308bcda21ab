import type {
  RequestListQuery,
  TeleexpertiseRequestDetail,
  TeleexpertiseRequestSummary,
  TimelineEvent,
} from '@liaison/core/api/teleexpertise';
import type { Reader } from '../db/index.ts';
import { fail } from '../errors.ts';
import { expertServiceIds, isServiceExpert, requireVisible, type RequestRow } from './requestStore.ts';

const LIST_LIMIT = 500;

function base64(bytes: Uint8Array | null): string | null {
  return bytes ? Buffer.from(bytes).toString('base64') : null;
}

function fullName(first: string | null, last: string | null): string | null {
  return first === null && last === null ? null : `${first ?? ''} ${last ?? ''}`.trim();
}

/** Summaries with names joined: service, organisation, requester (and their mailbox), assignee. */
async function summaries(db: Reader, rows: readonly RequestRow[]): Promise<TeleexpertiseRequestSummary[]> {
  if (rows.length === 0) return [];
  const serviceIds = [...new Set(rows.map((r) => r.service_id))];
  const services = await db
    .selectFrom('te_services')
    .innerJoin('organisations', 'organisations.id', 'te_services.organisation_id')
    .select(['te_services.id', 'te_services.name', 'organisations.name as organisation_name'])
    .where('te_services.id', 'in', serviceIds)
    .execute();
  const userIds = [
    ...new Set(
      rows.flatMap((r) => [r.requester_user_id, ...(r.assignee_user_id ? [r.assignee_user_id] : [])]),
    ),
  ];
  const users = await db
    .selectFrom('users')
    .select(['id', 'first_name', 'last_name'])
    .where('id', 'in', userIds)
    .execute();
  const mailboxes = await db
    .selectFrom('mailboxes')
    .select(['id', 'address'])
    .where('id', 'in', [...new Set(rows.map((r) => r.requester_mailbox_id))])
    .execute();
  const nameOf = (id: string | null) => {
    const u = id ? users.find((x) => x.id === id) : undefined;
    return u ? `${u.first_name} ${u.last_name}` : null;
  };
  return rows.map((r) => {
    const service = services.find((s) => s.id === r.service_id);
    return {
      id: r.id,
      serviceId: r.service_id,
      serviceName: service?.name ?? '',
      organisationName: service?.organisation_name ?? '',
      form: { url: r.form_url, version: r.form_version },
      status: r.status,
      requesterUserId: r.requester_user_id,
      requesterName: nameOf(r.requester_user_id) ?? '',
      requesterAddress: mailboxes.find((m) => m.id === r.requester_mailbox_id)?.address ?? '',
      assigneeUserId: r.assignee_user_id,
      assigneeName: nameOf(r.assignee_user_id),
      followsRequestId: r.follows_request_id,
      createdAt: r.created_at,
      dueAt: r.due_at,
      pausedSince: r.paused_at,
      firstAcceptedAt: r.first_accepted_at,
      answeredAt: r.answered_at,
      answerMessageId: r.answer_message_id,
    };
  });
}

export async function timelineOf(db: Reader, requestId: string): Promise<TimelineEvent[]> {
  const rows = await db
    .selectFrom('te_events')
    .leftJoin('users as actor', 'actor.id', 'te_events.actor_user_id')
    .leftJoin('users as expert', 'expert.id', 'te_events.expert_user_id')
    .select([
      'te_events.seq',
      'te_events.at',
      'te_events.kind',
      'te_events.actor_user_id',
      'te_events.status',
      'te_events.expert_user_id',
      'te_events.envelope',
      'actor.first_name as actor_first',
      'actor.last_name as actor_last',
      'expert.first_name as expert_first',
      'expert.last_name as expert_last',
    ])
    .where('te_events.request_id', '=', requestId)
    .orderBy('te_events.seq')
    .execute();
  return rows.map((e) => ({
    seq: e.seq,
    at: e.at,
    kind: e.kind,
    actorUserId: e.actor_user_id,
    actorName: e.actor_user_id ? fullName(e.actor_first, e.actor_last) : null,
    status: e.status,
    expertUserId: e.expert_user_id,
    expertName: e.expert_user_id ? fullName(e.expert_first, e.expert_last) : null,
    envelope: base64(e.envelope),
  }));
}

/** The full view of a request the caller can see (TE_REQUEST_NOT_FOUND otherwise). */
export async function requestDetail(
  db: Reader,
  userId: string,
  requestId: string,
): Promise<TeleexpertiseRequestDetail> {
  const row = await db.selectFrom('te_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
  const request = await requireVisible(db, row ?? null, userId);
  const [summary] = await summaries(db, [request]);
  return {
    ...summary!,
    envelope: base64(request.envelope)!,
    answerEnvelope: base64(request.answer_envelope),
    timeline: await timelineOf(db, request.id),
  };
}

/** The caller's requests, as requester, as assignee, or of the services they are expert of. */
export async function listRequests(
  db: Reader,
  userId: string,
  query: RequestListQuery,
): Promise<TeleexpertiseRequestSummary[]> {
  let q = db.selectFrom('te_requests').selectAll();
  if (query.role === 'requester') q = q.where('requester_user_id', '=', userId);
  else if (query.role === 'expert') q = q.where('assignee_user_id', '=', userId);
  else {
    const services = query.serviceId ? [query.serviceId] : await expertServiceIds(db, userId);
    if (query.serviceId && !(await isServiceExpert(db, query.serviceId, userId))) fail('TE_NOT_EXPERT');
    if (services.length === 0) return [];
    q = q.where('service_id', 'in', services);
  }
  if (query.serviceId) q = q.where('service_id', '=', query.serviceId);
  if (query.status) q = q.where('status', '=', query.status);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(LIST_LIMIT).execute();
  return summaries(db, rows);
}
