import type { Selectable } from 'kysely';
import type { Reader, Tx } from '../db/index.ts';
import type { TeRequestTable, TeServiceTable } from '../db/schema.ts';
import { fail } from '../errors.ts';

export type RequestRow = Selectable<TeRequestTable>;
export type ServiceRow = Selectable<TeServiceTable>;

/**
 * Takes the service row's lock for the rest of the transaction. Every write that may assign a request
 * of a service holds it first (then the request's), so two assignments of one service never
 * interleave on PostgreSQL; SQLite serialises writers anyway. Null when the service does not exist.
 */
export async function lockService(tx: Tx, serviceId: string): Promise<ServiceRow | null> {
  let query = tx.db.selectFrom('te_services').selectAll().where('id', '=', serviceId);
  if (tx.dialect === 'postgres') query = query.forUpdate();
  return (await query.executeTakeFirst()) ?? null;
}

/** The request row, locked on PostgreSQL (after its service: always in that order). */
export async function lockRequest(tx: Tx, requestId: string): Promise<RequestRow | null> {
  let query = tx.db.selectFrom('te_requests').selectAll().where('id', '=', requestId);
  if (tx.dialect === 'postgres') query = query.forUpdate();
  return (await query.executeTakeFirst()) ?? null;
}

export async function serviceExpertIds(db: Reader, serviceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('te_experts')
    .select('user_id')
    .where('service_id', '=', serviceId)
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

export async function isServiceExpert(db: Reader, serviceId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('te_experts')
    .select('user_id')
    .where('service_id', '=', serviceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Services the user is an expert of. */
export async function expertServiceIds(db: Reader, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('te_experts')
    .select('service_id')
    .where('user_id', '=', userId)
    .orderBy('service_id')
    .execute();
  return rows.map((r) => r.service_id);
}

/**
 * Who may see a request: its requester, its assignee, and the experts of its service. Anyone else
 * gets TE_REQUEST_NOT_FOUND, whether or not it exists.
 */
export async function requireVisible(db: Reader, request: RequestRow | null, userId: string) {
  if (!request) fail('TE_REQUEST_NOT_FOUND');
  if (request.requester_user_id === userId || request.assignee_user_id === userId) return request;
  if (await isServiceExpert(db, request.service_id, userId)) return request;
  fail('TE_REQUEST_NOT_FOUND');
}

/** Count of open requests assigned to each user, across every service. */
export async function openCounts(
  db: Reader,
  userIds: readonly string[],
  openStatuses: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (userIds.length === 0) return counts;
  const rows = await db
    .selectFrom('te_requests')
    .select((eb) => ['assignee_user_id', eb.fn.countAll<number | string>().as('n')])
    .where('assignee_user_id', 'in', [...userIds])
    .where('status', 'in', [...openStatuses] as RequestRow['status'][])
    .groupBy('assignee_user_id')
    .execute();
  for (const row of rows) if (row.assignee_user_id) counts.set(row.assignee_user_id, Number(row.n));
  return counts;
}
