import type { Mailbox, Me } from '@liaison/core/api/index';

/** The person's own mailbox first (what they mostly read), then shared ones by address. */
export function mailboxesOf(me: Me): Mailbox[] {
  return [...me.mailboxes].sort((a, b) => {
    if ((a.kind === 'PER') !== (b.kind === 'PER')) return a.kind === 'PER' ? -1 : 1;
    return a.address.localeCompare(b.address);
  });
}

/** The mailbox named in the address bar, or the default one when absent or not the person's. */
export function pickMailbox(me: Me, address: string | null | undefined): Mailbox | null {
  const all = mailboxesOf(me);
  const wanted = address?.trim().toLowerCase();
  return all.find((mailbox) => mailbox.address === wanted) ?? all[0] ?? null;
}

export function mailboxByAddress(me: Me, address: string): Mailbox | null {
  return me.mailboxes.find((mailbox) => mailbox.address === address.toLowerCase()) ?? null;
}
