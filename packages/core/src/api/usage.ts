import { z } from 'zod';
import { Email, Id } from './common.ts';
import { MailCategory, MAX_RECIPIENTS } from './mail.ts';
import { HoldState, MailHold, RuleTrip } from './mailHold.ts';

/**
 * Usage rules on the mail path (charter article 5, no bulk mail): the contract between clients and
 * the server for warnings before sending, held messages, the technicians' review and per-sender
 * limits. Every rule looks at metadata only (counts, category, times): the server never reads letters.
 */

/** "Would this message be held?", asked by compose and the CLI before sealing. Nothing is stored. */
export const MailPrecheckRequest = z.strictObject({
  from: Email,
  to: z.array(Email).max(MAX_RECIPIENTS).default([]),
  cc: z.array(Email).max(MAX_RECIPIENTS).default([]),
  category: MailCategory,
  /** Patients the letter is about (HPRIM documents); 0 for information messages. */
  patients: z.number().int().min(0).max(10_000).optional(),
});
export type MailPrecheckRequest = z.input<typeof MailPrecheckRequest>;

export const SenderLimits = z.object({
  messageRecipients: z.number().int(),
  hourlyRecipients: z.number().int(),
  hourlyExempt: z.boolean(),
});
export type SenderLimits = z.infer<typeof SenderLimits>;

export const MailPrecheck = z.object({
  /** Empty when the message would go through. */
  trips: z.array(RuleTrip),
  /** The limits that apply to this sender now. */
  limits: SenderLimits,
  /** Distinct recipients of counted messages from this sender in the past hour, this one included. */
  hourlyRecipients: z.number().int(),
});
export type MailPrecheck = z.infer<typeof MailPrecheck>;

/** What a technician sees of a sender, to judge a held message (never any content). */
export const SenderHistory = z.object({
  /** Messages from this mailbox over the past 30 days, held ones included. */
  messages30d: z.number().int(),
  /** Their recipients, counted once per message. */
  recipients30d: z.number().int(),
  held: z.number().int(),
  released: z.number().int(),
  rejected: z.number().int(),
  firstMessageAt: z.string().nullable(),
});
export type SenderHistory = z.infer<typeof SenderHistory>;

export const QuarantineItem = z.object({
  messageId: Id,
  from: z.string(),
  /** The person who sent it (a member of the From mailbox). */
  senderName: z.string(),
  organisationName: z.string().nullable(),
  mailboxKind: z.enum(['PER', 'ORG', 'APP', 'CAB']),
  category: MailCategory,
  patients: z.number().int(),
  toCount: z.number().int(),
  ccCount: z.number().int(),
  bodyBytes: z.number().int(),
  attachmentCount: z.number().int(),
  attachmentBytes: z.number().int(),
  submittedAt: z.string(),
  hold: MailHold,
  /** The technician who decided, once decided. */
  decidedBy: z.string().nullable(),
  history: SenderHistory,
});
export type QuarantineItem = z.infer<typeof QuarantineItem>;

export const QuarantineCounts = z.object({
  held: z.number().int(),
  released: z.number().int(),
  rejected: z.number().int(),
});
export type QuarantineCounts = z.infer<typeof QuarantineCounts>;

export const QuarantineQuery = z.strictObject({
  state: HoldState.default('held'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Paging: items held before this time (ISO), newest first. */
  before: z.string().optional(),
});
export type QuarantineQuery = z.input<typeof QuarantineQuery>;

export const QuarantineList = z.object({
  items: z.array(QuarantineItem),
  more: z.boolean(),
  /** All-time counts per state (held now, released, rejected). */
  counts: QuarantineCounts,
});
export type QuarantineList = z.infer<typeof QuarantineList>;

export const QuarantineDecision = z.strictObject({
  /** Shown to the sender; required to reject (say what to do instead), optional to release. */
  reason: z.string().trim().max(1000).optional(),
});
export type QuarantineDecision = z.input<typeof QuarantineDecision>;

/** A technician's limits for one sender mailbox; null keeps the server default. */
export const SenderLimitRequest = z.strictObject({
  messageRecipients: z.number().int().min(1).max(MAX_RECIPIENTS).nullable(),
  hourlyRecipients: z.number().int().min(1).max(100_000).nullable(),
  hourlyExempt: z.boolean().nullable(),
  note: z.string().trim().max(500).nullable().default(null),
});
export type SenderLimitRequest = z.input<typeof SenderLimitRequest>;

export const SenderLimit = z.object({
  address: z.string(),
  messageRecipients: z.number().int().nullable(),
  hourlyRecipients: z.number().int().nullable(),
  hourlyExempt: z.boolean().nullable(),
  note: z.string().nullable(),
  setAt: z.string(),
  setBy: z.string(),
  /** What applies once the defaults fill the gaps. */
  effective: SenderLimits,
});
export type SenderLimit = z.infer<typeof SenderLimit>;
