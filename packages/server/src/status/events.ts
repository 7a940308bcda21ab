import type {
  StatusComponent,
  StatusEvent,
  StatusEventState,
  StatusSeverity,
  StatusUpdate,
} from '@liaison/core/api/status';
import type { Selectable } from 'kysely';
import type { Reader, Tx } from '../db/index.ts';
import type { StatusEventTable } from '../db/schemaStatus.ts';
import { fail } from '../errors.ts';

export type StatusEventRow = Selectable<StatusEventTable>;

/** Higher is worse; used to sort current events and to pick a component's worst state. */
export const SEVERITY_RANK: Record<StatusSeverity, number> = { info: 0, minor: 1, major: 2, critical: 3 };

/**
 * Computed at read time, never stored, so an event moves from scheduled to ongoing to ended without a
 * job. An end equal to now counts as ended: that is how a technician closes an ongoing event.
 */
export function stateAt(row: Pick<StatusEventRow, 'starts_at' | 'ends_at'>, now: string): StatusEventState {
  if (now < row.starts_at) return 'scheduled';
  if (row.ends_at !== null && row.ends_at <= now) return 'ended';
  return 'ongoing';
}

/** Every stored time has the same ISO UTC shape, so SQL can compare them as text on both dialects. */
export function normaliseTime(value: string): string {
  return new Date(value).toISOString();
}

export function requireEndAfterStart(startsAt: string, endsAt: string | null): void {
  if (endsAt !== null && endsAt < startsAt) {
    fail('STATUS_EVENT_INVALID', undefined, { startsAt, endsAt });
  }
}

/** Rows → API events, each with its updates (oldest first), in the order the rows came. */
export async function toEvents(read: Reader, rows: StatusEventRow[], now: string): Promise<StatusEvent[]> {
  if (rows.length === 0) return [];
  const updates = await read
    .selectFrom('status_updates')
    .select(['id', 'event_id', 'at', 'body'])
    .where(
      'event_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('at')
    .orderBy('id')
    .execute();
  const byEvent = new Map<string, StatusUpdate[]>();
  for (const u of updates) {
    const list = byEvent.get(u.event_id) ?? [];
    list.push({ id: u.id, at: u.at, body: u.body });
    byEvent.set(u.event_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    severity: row.severity,
    components: JSON.parse(row.components) as StatusComponent[],
    description: row.description,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    state: stateAt(row, now),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updates: byEvent.get(row.id) ?? [],
  }));
}

export async function toEvent(read: Reader, row: StatusEventRow, now: string): Promise<StatusEvent> {
  const [event] = await toEvents(read, [row], now);
  if (!event) throw new Error('toEvents dropped a row');
  return event;
}

/**
 * The event to change, locked until the transaction ends on PostgreSQL, so two technicians posting
 * updates at once apply them one after the other (SQLite already runs one write transaction at a time).
 */
export async function lockEventRow(tx: Tx, id: string): Promise<StatusEventRow> {
  const row = await tx.db
    .selectFrom('status_events')
    .selectAll()
    .where('id', '=', id)
    .$if(tx.dialect === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
  if (!row) fail('STATUS_EVENT_NOT_FOUND');
  return row;
}

/** Events a reader of the public page may see: not ended, or ended since `endedSince`. */
export function visibleEventRows(read: Reader, endedSince: string): Promise<StatusEventRow[]> {
  return read
    .selectFrom('status_events')
    .selectAll()
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>=', endedSince)]))
    .execute();
}
