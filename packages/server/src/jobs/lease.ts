import { addMs, iso } from '../clock.ts';
import type { Database } from '../db/index.ts';

/**
 * The SQL behind "one node runs a given job at a time". Every step is a single conditional UPDATE, so
 * the database decides who holds a job, whatever the number of nodes and whatever the dialect.
 */

export interface Claim {
  /** The time this run was scheduled for (the next_run_at it was claimed at). */
  scheduledAt: Date;
}

/** Takes the job if it is due and nobody holds a live lease on it; null when someone else has it. */
export async function claimJob(
  db: Database,
  name: string,
  owner: string,
  now: Date,
  leaseMs: number,
): Promise<Claim | null> {
  const at = iso(now);
  const row = await db.transaction((tx) =>
    tx.db
      .updateTable('jobs')
      .set({ lease_owner: owner, lease_until: iso(addMs(now, leaseMs)), last_started_at: at })
      .where('name', '=', name)
      .where('next_run_at', '<=', at)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      // RETURNING (PostgreSQL, SQLite ≥ 3.35) gives the affected row only to the one winner.
      .returning('next_run_at')
      .executeTakeFirst(),
  );
  return row ? { scheduledAt: new Date(row.next_run_at) } : null;
}

/** Pushes the lease forward while a long run goes on; false when the lease was lost to another node. */
export async function renewLease(db: Database, name: string, owner: string, until: Date): Promise<boolean> {
  const result = await db.transaction((tx) =>
    tx.db
      .updateTable('jobs')
      .set({ lease_until: iso(until) })
      .where('name', '=', name)
      .where('lease_owner', '=', owner)
      .executeTakeFirst(),
  );
  return result.numUpdatedRows === 1n;
}

export interface RunOutcome {
  finishedAt: Date;
  /** Error message only: stacks carry paths and sometimes data, and this column is shown to admins. */
  error: string | null;
  nextRunAt: Date;
}

/** Records the run and frees the job; false when the lease had passed to another node meanwhile. */
export async function finishJob(
  db: Database,
  name: string,
  owner: string,
  outcome: RunOutcome,
): Promise<boolean> {
  const result = await db.transaction((tx) =>
    tx.db
      .updateTable('jobs')
      .set((eb) => ({
        last_finished_at: iso(outcome.finishedAt),
        last_error: outcome.error,
        runs: eb('runs', '+', 1),
        next_run_at: iso(outcome.nextRunAt),
        lease_owner: null,
        lease_until: null,
      }))
      .where('name', '=', name)
      .where('lease_owner', '=', owner)
      .executeTakeFirst(),
  );
  return result.numUpdatedRows === 1n;
}
