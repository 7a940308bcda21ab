import type { MailEvent } from '@liaison/core/api/mail';
import type { Tx } from '../db/index.ts';
import { publishAfterCommit, type EventBus } from '../events/index.ts';

/** Topic of "this mailbox changed": the WebSocket adapter tells the mailbox's members to sync. */
export const MAIL_CHANGED = 'mail.changed';

export interface MailChange {
  mailboxId: string;
  address: string;
  seq: number;
}

export interface MailChangedEvent extends MailChange {
  event: MailEvent;
}

/** After commit only: nobody is told about a letter that was rolled back. */
export function publishMailChanges(tx: Tx, bus: EventBus, changes: readonly MailChange[]): void {
  for (const change of changes) {
    const payload: MailChangedEvent = {
      ...change,
      event: { type: 'mail', mailbox: change.address, seq: change.seq },
    };
    publishAfterCommit(tx, bus, MAIL_CHANGED, payload);
  }
}
