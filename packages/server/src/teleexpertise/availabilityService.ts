import type { Availability, AvailabilityView } from '@liaison/core/api/teleexpertise';
import { OPEN_ASSIGNED_STATUSES } from '@liaison/core/teleexpertise/task';
import { iso } from '../clock.ts';
import type { Reader } from '../db/index.ts';
import { assignQueued, type AssignmentDeps } from './assignment.ts';
import { canTakeRequest, TELEEXPERTISE_TIME_ZONE } from './availability.ts';
import { expertServiceIds, openCounts } from './requestStore.ts';

/** The user's declared availability; nothing declared reads as capacity 0, no slot, no absence. */
export async function readAvailability(db: Reader, userId: string, now: Date): Promise<AvailabilityView> {
  const row = await db
    .selectFrom('te_availability')
    .select('capacity')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const slots = await db
    .selectFrom('te_slots')
    .select(['weekday', 'start', 'end'])
    .where('user_id', '=', userId)
    .orderBy('weekday')
    .orderBy('start')
    .execute();
  const absences = await db
    .selectFrom('te_absences')
    .select(['starts_at', 'ends_at', 'label'])
    .where('user_id', '=', userId)
    .orderBy('starts_at')
    .execute();
  const availability: Availability = {
    capacity: row?.capacity ?? 0,
    slots,
    absences: absences.map((a) => ({
      from: a.starts_at,
      to: a.ends_at,
      ...(a.label ? { label: a.label } : {}),
    })),
  };
  const open = (await openCounts(db, [userId], OPEN_ASSIGNED_STATUSES)).get(userId) ?? 0;
  return {
    ...availability,
    timeZone: TELEEXPERTISE_TIME_ZONE,
    availableNow: row !== undefined && canTakeRequest(availability, open, now),
  };
}

/**
 * Replaces capacity, slots and absences in one transaction, then lets the caller's services hand
 * them queued requests (they may have just come on duty or raised their capacity).
 */
export async function replaceAvailability(
  deps: AssignmentDeps,
  userId: string,
  input: Availability,
): Promise<AvailabilityView> {
  const at = iso(deps.clock.now());
  await deps.db.transaction(async (tx) => {
    const updated = await tx.db
      .updateTable('te_availability')
      .set({ capacity: input.capacity, updated_at: at })
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) {
      await tx.db
        .insertInto('te_availability')
        .values({ user_id: userId, capacity: input.capacity, updated_at: at })
        .execute();
    }
    await tx.db.deleteFrom('te_slots').where('user_id', '=', userId).execute();
    await tx.db.deleteFrom('te_absences').where('user_id', '=', userId).execute();
    if (input.slots.length > 0) {
      await tx.db
        .insertInto('te_slots')
        .values(input.slots.map((s) => ({ user_id: userId, weekday: s.weekday, start: s.start, end: s.end })))
        .execute();
    }
    if (input.absences.length > 0) {
      await tx.db
        .insertInto('te_absences')
        .values(
          input.absences.map((a) => ({
            id: crypto.randomUUID(),
            user_id: userId,
            // Normalised to UTC ISO, so stored instants compare as text.
            starts_at: iso(new Date(a.from)),
            ends_at: iso(new Date(a.to)),
            label: a.label ?? null,
          })),
        )
        .execute();
    }
  });
  for (const serviceId of await expertServiceIds(deps.db.read, userId)) await assignQueued(deps, serviceId);
  return readAvailability(deps.db.read, userId, deps.clock.now());
}
