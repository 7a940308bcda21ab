import { z } from 'zod';

/**
 * Why a message is held (usage rules, charter article 5): the rules, what a message tripped, and the
 * hold itself. Apart from usage.ts because mail.ts carries a hold on every sent item.
 */

/**
 * - `message_recipients`: more recipients in one message (To and Cc together) than the limit.
 * - `hourly_recipients`: more distinct recipients of information messages from one sender in the past
 *   hour than the limit (APP mailboxes and one-patient letters are exempt by default).
 */
export const USAGE_RULES = ['message_recipients', 'hourly_recipients'] as const;
export const UsageRule = z.enum(USAGE_RULES);
export type UsageRule = z.infer<typeof UsageRule>;

/** One rule a message trips: what was counted against which limit, and where that limit comes from. */
export const RuleTrip = z.object({
  rule: UsageRule,
  charterArticle: z.number().int(),
  limit: z.number().int(),
  observed: z.number().int(),
  /** `sender`: a technician set this sender's own limit; `default`: the server's configuration. */
  source: z.enum(['default', 'sender']),
});
export type RuleTrip = z.infer<typeof RuleTrip>;

export const HOLD_STATES = ['held', 'released', 'rejected'] as const;
export const HoldState = z.enum(HOLD_STATES);
export type HoldState = z.infer<typeof HoldState>;

/**
 * A message that tripped a rule: stored, filed in the sender's Sent folder only, delivered to nobody
 * until a technician releases it (then delivered as usual) or rejects it (then never).
 */
export const MailHold = z.object({
  state: HoldState,
  /** The first rule tripped (the one the sender is told about), then any others. */
  trips: z.array(RuleTrip).min(1),
  heldAt: z.string(),
  decidedAt: z.string().nullable(),
  /** The technician's words to the sender on a rejection (or a release), if any. */
  reason: z.string().nullable(),
});
export type MailHold = z.infer<typeof MailHold>;
