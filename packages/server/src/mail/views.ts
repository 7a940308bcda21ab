import type { DeliveryState, MailItem, RecipientDelivery } from '@liaison/core/api/mail';
import { toHold } from './holds.ts';
import type { ItemRow, RecipientRow } from './store.ts';

export function deliveryState(row: RecipientRow): DeliveryState {
  if (row.read_at) return 'read';
  if (row.filed_at) return 'filed';
  if (row.delivered_at) return 'delivered';
  return 'submitted';
}

export function toDelivery(row: RecipientRow): RecipientDelivery {
  return {
    address: row.address,
    field: row.field,
    state: deliveryState(row),
    deliveredAt: row.delivered_at,
    filedAt: row.filed_at,
    readAt: row.read_at,
  };
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** An item as its mailbox sees it; `recipients` are this message's recipients in listed order. */
export function toMailItem(row: ItemRow, recipients: readonly RecipientRow[]): MailItem {
  const own = recipients.find((r) => r.mailbox_id === row.mailbox_id);
  return {
    id: row.message_id,
    mailbox: row.mailbox_address,
    folder: row.folder,
    seq: row.seq,
    from: row.from_address,
    to: recipients.filter((r) => r.field === 'to').map((r) => r.address),
    cc: recipients.filter((r) => r.field === 'cc').map((r) => r.address),
    category: row.category,
    submittedAt: row.submitted_at,
    bodyBytes: row.body_bytes,
    attachmentCount: row.attachment_count,
    summary: base64(row.summary),
    read: row.read === 1,
    archived: row.archived === 1,
    deleted: row.deleted === 1,
    filedAt: row.folder === 'inbox' ? (own?.filed_at ?? null) : null,
    recipients: row.folder === 'sent' ? recipients.map(toDelivery) : null,
    // Why a message was held, and the decision, are the sender's business only.
    hold: row.folder === 'sent' ? toHold(row) : null,
  };
}

export function groupByMessage(rows: readonly RecipientRow[]): Map<string, RecipientRow[]> {
  const grouped = new Map<string, RecipientRow[]>();
  for (const row of rows) {
    const list = grouped.get(row.message_id) ?? [];
    list.push(row);
    grouped.set(row.message_id, list);
  }
  return grouped;
}

export { base64 };
