/** Tables of the usage rules (migration 009): held messages, sender limits, charter versions. */

export interface MailHoldTable {
  message_id: string;
  sender_mailbox_id: string;
  state: 'held' | 'released' | 'rejected';
  rule: 'message_recipients' | 'hourly_recipients';
  /** JSON array of RuleTrip (packages/core api/mailHold.ts). */
  trips: string;
  held_at: string;
  decided_at: string | null;
  decided_by: string | null;
  reason: string | null;
}

export interface SenderLimitTable {
  mailbox_id: string;
  message_recipients: number | null;
  hourly_recipients: number | null;
  /** 1 exempt, 0 not exempt, null: the default (APP mailboxes exempt). */
  hourly_exempt: number | null;
  note: string | null;
  set_by: string;
  set_at: string;
}

export interface CharterVersionTable {
  version: number;
  fr_title: string;
  fr_text: string;
  en_title: string;
  en_text: string;
  published_at: string;
  published_by: string | null;
}
