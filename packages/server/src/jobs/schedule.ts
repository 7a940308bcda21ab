/**
 * The next slot on the job's own grid (scheduledAt + k·interval) strictly after `now`. Keeping to the
 * grid means a daily job set for 03:00 stays at 03:00 instead of drifting by its run time, and a node
 * that was down for three days runs the job once, not three times in a row.
 */
export function nextSlot(scheduledAt: Date, intervalMs: number, now: Date): Date {
  const behind = now.getTime() - scheduledAt.getTime();
  const steps = Math.max(1, Math.floor(behind / intervalMs) + 1);
  return new Date(scheduledAt.getTime() + steps * intervalMs);
}

/** Error message for the jobs table: message only, bounded. */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 500 ? `${message.slice(0, 497)}...` : message;
}
