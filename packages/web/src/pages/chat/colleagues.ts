import type { MailRecipient } from '@liaison/core/api/mail';
import { fetchMailboxCertificates } from '../../api/chat.ts';

/** A person to add to a conversation: who they are to the server (user id) and to people (name). */
export interface Colleague {
  userId: string;
  displayName: string;
  address: string;
}

/**
 * Directory entries and mail recipients carry no user id, and chat needs one. A personal mailbox's
 * current encryption certificate is issued to its owner, so its `userId` names the person behind the
 * address. Null when they have no certificate yet (nobody could encrypt for them anyway).
 */
export async function colleagueOf(
  recipient: Pick<MailRecipient, 'address' | 'displayName'>,
): Promise<Colleague | null> {
  const certificates = await fetchMailboxCertificates(recipient.address);
  const own = certificates.find(
    (c) => c.usage === 'encryption' && c.state === 'active' && c.mailboxId === null,
  );
  return own ? { userId: own.userId, displayName: recipient.displayName, address: recipient.address } : null;
}
