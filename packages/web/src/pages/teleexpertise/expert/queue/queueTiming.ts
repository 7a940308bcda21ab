import type { TeleexpertiseRequestSummary } from '@liaison/core/api/teleexpertise';
import { isFinal } from '@liaison/core/teleexpertise/task';

/** The share of the answer time after which a request is shown (and reminded) as late. */
export const LATE_FRACTION = 0.75;

export type DeadlineTone = 'ok' | 'late' | 'overdue' | 'done';

export interface Timing {
  /** Minutes since the request was sent. */
  waitingMinutes: number;
  /** Elapsed share of the time between sending and the deadline (0…, above 1 once past it). */
  elapsed: number;
  tone: DeadlineTone;
}

/**
 * How far a request is into its answer time. While on hold the clock is paused: the elapsed share is
 * measured at `pausedSince`, and the server pushes `dueAt` back by the pause when it ends.
 */
export function requestTiming(
  request: Pick<TeleexpertiseRequestSummary, 'createdAt' | 'dueAt' | 'pausedSince' | 'status'>,
  now: number,
): Timing {
  const created = Date.parse(request.createdAt);
  const due = Date.parse(request.dueAt);
  const clock = request.pausedSince === null ? now : Math.min(now, Date.parse(request.pausedSince));
  const span = Math.max(due - created, 1);
  const elapsed = (clock - created) / span;
  const waitingMinutes = Math.max(0, Math.floor((now - created) / 60_000));
  if (isFinal(request.status)) return { waitingMinutes, elapsed, tone: 'done' };
  const tone: DeadlineTone = elapsed >= 1 ? 'overdue' : elapsed >= LATE_FRACTION ? 'late' : 'ok';
  return { waitingMinutes, elapsed, tone };
}

/** "3 j 4 h", "5 h 12 min", "7 min": a duration read at a glance (units from i18n). */
export function durationParts(minutes: number): { days: number; hours: number; minutes: number } {
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  return { days, hours, minutes: minutes % 60 };
}
