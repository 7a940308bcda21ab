/**
 * The GP's notice threads (docs/notices.md): what arrived in their personal mailboxes as category
 * notice, grouped by the establishment that sent it. Reading one marks it read through the ordinary
 * mail item route, so the unread counts here and in the mailbox always agree.
 */
import type { NoticePage, NoticePageQuery, NoticeThreads } from '@liaison/core/notice/index';
import type { z } from 'zod';
import type { Reader } from '../db/index.ts';
import { recipientsOf } from '../mail/store.ts';
import { groupByMessage, toMailItem } from '../mail/views.ts';
import { noticePage, ownPersonalMailboxes, senderRows, threadRows } from './store.ts';

export class NoticeService {
  constructor(private readonly db: Reader) {}

  async threads(userId: string): Promise<NoticeThreads> {
    const mailboxes = await ownPersonalMailboxes(this.db, userId);
    const [rows, senders] = await Promise.all([
      threadRows(this.db, mailboxes),
      senderRows(this.db, mailboxes),
    ]);
    const threads = rows.map((r) => ({
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      senderAddresses: senders
        .filter((s) => s.organisation_id === r.organisation_id)
        .map((s) => s.from_address),
      lastAt: r.last_at,
      unread: Number(r.unread ?? 0),
      count: Number(r.count),
    }));
    threads.sort(
      (a, b) => b.lastAt.localeCompare(a.lastAt) || a.organisationName.localeCompare(b.organisationName),
    );
    return { threads };
  }

  /** Someone else's notices never show: only the caller's own mailboxes are searched. */
  async page(
    userId: string,
    organisationId: string,
    query: z.output<typeof NoticePageQuery>,
  ): Promise<NoticePage> {
    const mailboxes = await ownPersonalMailboxes(this.db, userId);
    const rows = await noticePage(this.db, mailboxes, organisationId, query);
    const page = rows.slice(0, query.limit);
    const recipients = groupByMessage(
      await recipientsOf(
        this.db,
        page.map((r) => r.message_id),
      ),
    );
    return {
      items: page.map((row) => toMailItem(row, recipients.get(row.message_id) ?? [])),
      more: rows.length > query.limit,
    };
  }
}
