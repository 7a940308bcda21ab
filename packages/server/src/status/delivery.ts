import type { Deps } from '../deps.ts';
import { claim, dueEmails, markFailed, markSent, type DueEmail } from './outbox.ts';
import { describeFailure, openRelay } from './smtp.ts';

/** Emails one run takes at most; the rest wait for the next run (30 s later), so a run stays short. */
const BATCH = 200;
/**
 * Real time one run may spend sending before it leaves the rest to the next run: a relay that answers
 * slowly (up to the socket timeout per email) must not hold the job, or a shutdown, for long. Measured
 * on the process's monotonic clock, not the injected one: it bounds elapsed time, not business time.
 */
const RUN_BUDGET_MS = 60_000;
/** How long a claimed email is ours: far above the worst send time allowed by the SMTP timeouts. */
const CLAIM_MS = 5 * 60_000;
export const RELAY_NOT_SET = 'LIAISON_SMTP_RELAY_URL is not set';

export interface DeliveryRun {
  sent: number;
  failed: number;
}

/**
 * One run of the `status.alerts` job: hands due emails to the relay one by one. Each is claimed first
 * (a conditional update), so another node running at the same time skips it. A failed email is
 * rescheduled with backoff, never dropped. When the relay itself is unreachable (or not configured),
 * the remaining due emails are rescheduled without trying each one against a dead relay.
 */
export async function deliverDueEmails(deps: Deps): Promise<DeliveryRun> {
  const { db, clock, config, logger } = deps;
  const due = await dueEmails(db.read, clock.now(), BATCH);
  if (due.length === 0) return { sent: 0, failed: 0 };
  const relayUrl = config.smtpRelayUrl;
  if (!relayUrl) {
    const failed = await rescheduleAll(deps, due, RELAY_NOT_SET);
    logger.warn({ pending: failed }, 'status alerts waiting: LIAISON_SMTP_RELAY_URL is not set');
    return { sent: 0, failed };
  }
  const relay = openRelay(relayUrl, config.status.alertFrom);
  let sent = 0;
  let failed = 0;
  let relayDown: string | null = null;
  const startedAt = performance.now();
  try {
    for (let i = 0; i < due.length && relayDown === null; i++) {
      if (performance.now() - startedAt > RUN_BUDGET_MS) break; // still due: the next run takes them
      const row = due[i]!;
      const lease = await claim(db, row, clock.now(), CLAIM_MS);
      if (lease === null) continue; // another node has it
      try {
        await relay.send({ to: row.to_address, subject: row.subject, text: row.body_text });
      } catch (err) {
        const failure = describeFailure(err, relayUrl);
        if (await markFailed(db, row, lease, failure.message, clock.now())) failed++;
        if (failure.relayDown) {
          relayDown = failure.message;
          failed += await rescheduleAll(deps, due.slice(i + 1), failure.message);
        }
        continue;
      }
      await markSent(db, row.id, clock.now());
      sent++;
    }
  } finally {
    relay.close();
  }
  // Counts and the relay host only: never addresses, subjects or bodies.
  if (relayDown !== null) {
    logger.warn(
      { relay: relay.host, sent, failed, error: relayDown },
      'SMTP relay unavailable for status alerts',
    );
  } else if (sent > 0 || failed > 0) {
    logger.info({ relay: relay.host, sent, failed }, 'status alerts delivered');
  }
  return { sent, failed };
}

/** Counts a failed try on each row still as we read it (rows another node took are left alone). */
async function rescheduleAll(deps: Deps, rows: DueEmail[], error: string): Promise<number> {
  let done = 0;
  for (const row of rows) {
    if (await markFailed(deps.db, row, row.next_attempt_at, error, deps.clock.now())) done++;
  }
  return done;
}
