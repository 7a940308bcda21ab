import type { MailCategory } from '@liaison/core/api/mail';
import type { RuleTrip } from '@liaison/core/api/mailHold';
import type { SenderLimits } from '@liaison/core/api/usage';
import {
  bulkTrips,
  countsTowardHourly,
  declaredPatients,
  HOURLY_WINDOW_MS,
  type BulkLimits,
} from '@liaison/core/policy/bulkRules';
import { sql } from 'kysely';
import { iso } from '../clock.ts';
import type { Config } from '../config/config.ts';
import type { Reader, Tx } from '../db/index.ts';
import type { MailboxTable, SenderLimitTable } from '../db/schema.ts';
import { fail } from '../errors.ts';
import type { ResolvedMailbox, ResolvedRecipient } from './resolve.ts';

/**
 * Bulk-mail rules (charter article 5) on the server: the limits that apply to a sender and the facts
 * a message is judged on. Submission and precheck both go through `evaluateBulk`, so the warning
 * before sending and the hold after it can never disagree.
 */

type LimitRow = Pick<SenderLimitTable, 'message_recipients' | 'hourly_recipients' | 'hourly_exempt'>;

/** A technician's value where set, the configured default elsewhere; APP mailboxes exempt by default. */
export function effectiveLimits(
  row: LimitRow | undefined,
  kind: MailboxTable['kind'],
  defaults: Config['bulk'],
): BulkLimits {
  const own = (value: number | null | undefined, fallback: number) =>
    value === null || value === undefined
      ? { value: fallback, source: 'default' as const }
      : { value, source: 'sender' as const };
  const exempt = row?.hourly_exempt;
  return {
    messageRecipients: own(row?.message_recipients, defaults.messageRecipients),
    hourlyRecipients: own(row?.hourly_recipients, defaults.hourlyRecipients),
    hourlyExempt: exempt === null || exempt === undefined ? kind === 'APP' : exempt === 1,
  };
}

export function limitsView(limits: BulkLimits): SenderLimits {
  return {
    messageRecipients: limits.messageRecipients.value,
    hourlyRecipients: limits.hourlyRecipients.value,
    hourlyExempt: limits.hourlyExempt,
  };
}

export async function senderLimits(
  db: Reader,
  mailbox: { id: string; kind: MailboxTable['kind'] },
  defaults: Config['bulk'],
): Promise<BulkLimits> {
  const row = await db
    .selectFrom('sender_limits')
    .select(['message_recipients', 'hourly_recipients', 'hourly_exempt'])
    .where('mailbox_id', '=', mailbox.id)
    .executeTakeFirst();
  return effectiveLimits(row, mailbox.kind, defaults);
}

/**
 * The patient count a message declares, checked against its category before anything is stored: the
 * one-patient exemption rests on that count, so it must agree with what the sender says the letter is.
 */
export function checkedPatients(category: MailCategory, patients: number | undefined): number {
  if (category === 'information' && patients !== undefined && patients > 0) {
    const message = 'An information message is about no patient: declare it as a patient letter.';
    fail('PATIENT_COUNT_INVALID', message, { category, patients });
  }
  if (category === 'notice' && patients !== undefined && patients !== 1) {
    fail('PATIENT_COUNT_INVALID', 'A patient movement notice is about exactly one patient.', {
      category,
      patients,
    });
  }
  if (category === 'patient' && patients === 0) {
    fail('PATIENT_COUNT_INVALID', 'A patient letter is about at least one patient.', { category, patients });
  }
  return declaredPatients(category, patients);
}

/**
 * Distinct recipient mailboxes of counted messages from this sender over the past hour. A sender is
 * the From mailbox and the person alike, so writing from a personal and a service mailbox adds up.
 * Every attempt counts, held and rejected ones too: splitting a mailing into small messages trips
 * the rule all the same.
 */
export async function pastHourlyRecipients(
  db: Reader,
  sender: { mailboxId: string; userId: string },
  now: Date,
): Promise<string[]> {
  const since = iso(new Date(now.getTime() - HOURLY_WINDOW_MS));
  const rows = await db
    .selectFrom('mail_recipients')
    .innerJoin('mail_messages', 'mail_messages.id', 'mail_recipients.message_id')
    .select('mail_recipients.mailbox_id')
    .distinct()
    .where((eb) =>
      eb.or([
        eb('mail_messages.sender_mailbox_id', '=', sender.mailboxId),
        eb('mail_messages.sender_user_id', '=', sender.userId),
      ]),
    )
    .where('mail_messages.submitted_at', '>', since)
    // countsTowardHourly, in SQL: information messages, and letters about other than one patient.
    .where((eb) =>
      eb.or([eb('mail_messages.category', '=', 'information'), eb('mail_messages.patients', '<>', 1)]),
    )
    .execute();
  return rows.map((r) => r.mailbox_id);
}

export interface BulkInput {
  limits: BulkLimits;
  sender: { mailboxId: string; userId: string };
  category: MailCategory;
  /** Already checked (checkedPatients). */
  patients: number;
  /** This message's recipients, each once: mailbox ids, or addresses that match none (precheck). */
  recipients: ReadonlySet<string>;
  now: Date;
  /** Count the past hour even when the rule cannot apply (precheck shows the figure). */
  alwaysCount?: boolean;
}

export interface BulkOutcome {
  trips: RuleTrip[];
  hourlyRecipients: number;
}

export async function evaluateBulk(db: Reader, input: BulkInput): Promise<BulkOutcome> {
  const counts = countsTowardHourly(input.category, input.patients);
  let hourlyRecipients = counts ? input.recipients.size : 0;
  // The ordinary one-patient letter never needs the past hour: skip the query on the hot path.
  if (input.alwaysCount === true || hourlyRuleApplies(input)) {
    const seen = new Set(await pastHourlyRecipients(db, input.sender, input.now));
    if (counts) for (const key of input.recipients) seen.add(key);
    hourlyRecipients = seen.size;
  }
  const trips = bulkTrips({ recipients: input.recipients.size, hourlyRecipients, counts }, input.limits);
  return { trips, hourlyRecipients };
}

/** Whether the hourly rule can hold this message: then its past hour is counted, under the sender lock. */
export function hourlyRuleApplies(input: Pick<BulkInput, 'limits' | 'category' | 'patients'>): boolean {
  return countsTowardHourly(input.category, input.patients) && !input.limits.hourlyExempt;
}

/** Arbitrary namespace of the advisory locks taken here, so they cannot collide with other features. */
const SENDER_LOCK_SPACE = 0x4c5335; // "LS5": Liaison, usage charter article 5

/**
 * Count-then-insert must not let two concurrent messages of one sender both see "under the limit".
 * On SQLite every write transaction begins IMMEDIATE on the one connection, so they already run one at
 * a time. On PostgreSQL (several nodes, a pool each) a transaction-scoped advisory lock per sender
 * mailbox and per sender user makes their counts and inserts take turns; it is released at commit.
 * Within one submission the keys are taken in sorted order; two group-committed batches from two nodes
 * could still take them in opposite orders. PostgreSQL then aborts one (deadlock detected): a batch is
 * retried unit by unit, and a lone submission fails with a server error that the client retries under
 * the same id. A failed attempt at worst, never a message past the limit.
 * Messages the hourly rule cannot hold (one-patient letters, exempt senders) take no lock: they do not
 * count, except an exempt APP mailbox's information messages toward its member's other mailboxes, which
 * a racing message of that member may miss; the next one counts them.
 */
export async function lockSender(tx: Tx, sender: { mailboxId: string; userId: string }): Promise<void> {
  if (tx.dialect !== 'postgres') return;
  const keys = [`mailbox:${sender.mailboxId}`, `user:${sender.userId}`].sort();
  for (const key of keys) {
    await sql`select pg_advisory_xact_lock(${SENDER_LOCK_SPACE}, hashtext(${key}))`.execute(tx.db);
  }
}

/** A submission's verdict, in its storing transaction: limits, then (when it matters) lock and count. */
export async function judgeSubmission(
  tx: Tx,
  defaults: Config['bulk'],
  input: {
    sender: ResolvedMailbox;
    userId: string;
    category: MailCategory;
    patients: number;
    recipients: readonly ResolvedRecipient[];
    now: Date;
  },
): Promise<BulkOutcome> {
  const limits = await senderLimits(tx.db, input.sender, defaults);
  const sender = { mailboxId: input.sender.id, userId: input.userId };
  if (hourlyRuleApplies({ limits, category: input.category, patients: input.patients })) {
    await lockSender(tx, sender);
  }
  return evaluateBulk(tx.db, {
    limits,
    sender,
    category: input.category,
    patients: input.patients,
    recipients: new Set(input.recipients.map((r) => r.id)),
    now: input.now,
  });
}
