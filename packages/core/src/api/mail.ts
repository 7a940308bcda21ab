import { z } from 'zod';
import { Email, Id, MailboxKind } from './common.ts';
import { MailHold } from './mailHold.ts';

/**
 * The secure-mail contract between clients (web, CLI, connector) and the server. The server sees only
 * what is here: addresses, category, declared sizes and counts, times, delivery state. The letter
 * itself (subject, HPRIM header, text, attachments) travels as CMS EnvelopedData (`body`), and a small
 * encrypted summary (`summary`) lets an inbox list without downloading bodies.
 */

/**
 * "patient" letters carry an HPRIM header; "information" messages declare they are about no patient;
 * "notice" letters are patient movement notices (admission, discharge, transfer, death: see
 * docs/notices.md), patient letters about one patient that only an establishment sends, to a GP's
 * personal mailbox. The category is all the server learns: kind, patient and text stay encrypted.
 */
export const MAIL_CATEGORIES = ['patient', 'information', 'notice'] as const;
export const MailCategory = z.enum(MAIL_CATEGORIES);
export type MailCategory = z.infer<typeof MailCategory>;

/** Plaintext limit of the encrypted summary (subject, patient, first lines, attachment names). */
export const MAX_SUMMARY_PLAINTEXT_BYTES = 4096;
/** Recipients of one message, To and Cc together. */
export const MAX_RECIPIENTS = 200;
export const MAX_ATTACHMENTS = 50;

const Base64 = z
  .string()
  .min(1)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64 (one line, standard alphabet)');
const Count = z.number().int().min(0);

export const DeclaredSizes = z.strictObject({
  /** Exact byte length of the decoded `body` (the server checks it). */
  bodyBytes: Count.min(1),
  /** Exact byte length of the decoded `summary`. */
  summaryBytes: Count.min(1),
  attachmentCount: Count.max(MAX_ATTACHMENTS),
  /** Sum of the attachments' plaintext sizes; cannot exceed the body. */
  attachmentBytes: Count,
  /**
   * Patients the letter is about (its HPRIM documents); 0 for an information message. One-patient
   * letters are exempt from the hourly bulk rule. Absent: 1 for a patient letter, 0 otherwise.
   */
  patients: Count.max(10_000).optional(),
});
export type DeclaredSizes = z.infer<typeof DeclaredSizes>;

export const SubmitMessageRequest = z.strictObject({
  /** Chosen by the client (UUID): submitting the same id again returns the first result. */
  id: Id,
  /** A mailbox the sender owns or is a delegate of. */
  from: Email,
  to: z.array(Email).min(1).max(MAX_RECIPIENTS),
  cc: z.array(Email).max(MAX_RECIPIENTS).default([]),
  category: MailCategory,
  declared: DeclaredSizes,
  /** CMS EnvelopedData DER, base64: the signed-then-encrypted letter. */
  body: Base64,
  /** CMS EnvelopedData DER, base64: the encrypted summary JSON. */
  summary: Base64,
});
export type SubmitMessageRequest = z.input<typeof SubmitMessageRequest>;

/**
 * Per-recipient delivery, as the sender sees it: submitted, then delivered (a device of the recipient
 * downloaded it), filed (a connector wrote it into the practice software), read (opened by a person).
 */
export const DELIVERY_STATES = ['submitted', 'delivered', 'filed', 'read'] as const;
export const DeliveryState = z.enum(DELIVERY_STATES);
export type DeliveryState = z.infer<typeof DeliveryState>;

export const RecipientDelivery = z.object({
  address: z.string(),
  field: z.enum(['to', 'cc']),
  state: DeliveryState,
  deliveredAt: z.string().nullable(),
  filedAt: z.string().nullable(),
  readAt: z.string().nullable(),
});
export type RecipientDelivery = z.infer<typeof RecipientDelivery>;

export const SubmittedMessage = z.object({
  id: Id,
  from: z.string(),
  submittedAt: z.string(),
  recipients: z.array(RecipientDelivery),
  /** Set when a usage rule held the message for review: nobody receives it until it is released. */
  hold: MailHold.nullable(),
});
export type SubmittedMessage = z.infer<typeof SubmittedMessage>;

export const MAIL_FOLDERS = ['inbox', 'sent'] as const;
export const MailFolder = z.enum(MAIL_FOLDERS);
export type MailFolder = z.infer<typeof MailFolder>;

/**
 * One message as filed in one mailbox. `seq` is the mailbox's change sequence: every change to the
 * item (arrival, read, archive, delete, a recipient's delivery state on a sent item) takes the next
 * number, so a client that syncs from its last `seq` sees every change once, in order. A deleted item
 * comes back once as a tombstone (`deleted: true`) so synced clients drop it too.
 */
export const MailItem = z.object({
  id: Id,
  mailbox: z.string(),
  folder: MailFolder,
  seq: z.number().int(),
  from: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  category: MailCategory,
  submittedAt: z.string(),
  bodyBytes: z.number().int(),
  attachmentCount: z.number().int(),
  /** Encrypted summary (CMS DER, base64); decrypted on the device. */
  summary: z.string(),
  read: z.boolean(),
  archived: z.boolean(),
  deleted: z.boolean(),
  /** When a connector of this mailbox acknowledged it (written into the practice software). */
  filedAt: z.string().nullable(),
  /** Sent items: each recipient's delivery state. Inbox items: null. */
  recipients: z.array(RecipientDelivery).nullable(),
  /** Sent items held by a usage rule: why, and what the technician decided. Otherwise null. */
  hold: MailHold.nullable(),
});
export type MailItem = z.infer<typeof MailItem>;

export const MailListQuery = z.strictObject({
  /** Sync: changes after this sequence, oldest first, tombstones included. */
  since: z.coerce.number().int().min(0).optional(),
  /** Browse: one folder, newest first, without deleted items; archived ones only with view=archive. */
  view: z.enum(['inbox', 'sent', 'archive']).optional(),
  /** Browse paging: items with a sequence below this one. */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type MailListQuery = z.input<typeof MailListQuery>;

export const MailList = z.object({
  items: z.array(MailItem),
  /** Highest sequence of the mailbox now: sync again from the last item's seq while `more`. */
  seq: z.number().int(),
  more: z.boolean(),
  /** Inbox items not read, not archived, not deleted. */
  unread: z.number().int(),
});
export type MailList = z.infer<typeof MailList>;

/** A fetched message: its item plus the ciphertext. Fetching marks it delivered to this mailbox. */
export const MailMessage = MailItem.extend({
  /** CMS EnvelopedData DER, base64. */
  body: z.string(),
});
export type MailMessage = z.infer<typeof MailMessage>;

export const UpdateMailItemRequest = z
  .strictObject({ read: z.boolean().optional(), archived: z.boolean().optional() })
  .refine((v) => v.read !== undefined || v.archived !== undefined, 'nothing to change');

/** A mailbox someone can write to: verified, with a current encryption certificate. */
export const MailRecipient = z.object({
  address: z.string(),
  kind: MailboxKind,
  /** The person (PER) or the service/establishment name (shared mailboxes). */
  displayName: z.string(),
  organisationName: z.string().nullable(),
  acceptsAttachments: z.boolean(),
});
export type MailRecipient = z.infer<typeof MailRecipient>;

/** Pushed over the WebSocket after a change commits: sync the mailbox from your last seq. */
export const MailEvent = z.object({
  type: z.literal('mail'),
  mailbox: z.string(),
  seq: z.number().int(),
});
export type MailEvent = z.infer<typeof MailEvent>;
