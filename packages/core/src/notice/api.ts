/**
 * The GP's view of notices over HTTP (docs/api.md, "Patient movement notices"): one thread per
 * sending establishment, then that thread's notices as ordinary mail items. The server groups on
 * metadata it already has (category, sender mailbox, its organisation); the notices themselves stay
 * in the encrypted summaries.
 */
import { z } from 'zod';
import { Id } from '../api/common.ts';
import { MailItem } from '../api/mail.ts';

export const NoticeThread = z.object({
  organisationId: Id,
  organisationName: z.string(),
  /** The establishment's mailboxes that sent the caller notices (services, its system). */
  senderAddresses: z.array(z.string()),
  /** Submission time of the newest notice. */
  lastAt: z.string(),
  /** Not read and not archived. */
  unread: z.number().int(),
  count: z.number().int(),
});
export type NoticeThread = z.infer<typeof NoticeThread>;

export const NoticeThreads = z.object({ threads: z.array(NoticeThread) });
export type NoticeThreads = z.infer<typeof NoticeThreads>;

/**
 * A page of one thread, newest first. To page on, give the last item's submittedAt and id as
 * `before` and `beforeId` (two notices may share a submission time).
 */
export const NoticePageQuery = z.strictObject({
  before: z.iso.datetime().optional(),
  beforeId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type NoticePageQuery = z.input<typeof NoticePageQuery>;

export const NoticePage = z.object({
  items: z.array(MailItem),
  more: z.boolean(),
});
export type NoticePage = z.infer<typeof NoticePage>;
