/**
 * The certificates a chat message is encrypted to: every member's active, unexpired personal
 * encryption certificate (the sender's own included, so their other devices read it), exactly the set
 * the server checks (CHAT_RECIPIENTS_MISMATCH otherwise). Each one the server hands out must chain to
 * the instance CA pinned in the keystore, so the server cannot slip in a key of its own making.
 */
import type { ChatMember } from '@liaison/core/api/chat';
import { segment } from '../api.ts';
import type { CertificateView } from '../apiTypes.ts';
import { checkChainsTo } from '../certificateCheck.ts';
import type { MailSession } from '../mail/session.ts';

/** Same filter as the server's activeEncryptionSerials: shared-mailbox keys are for mail, not chat. */
function usableForChat(c: CertificateView, now: Date): boolean {
  return (
    c.usage === 'encryption' && c.state === 'active' && c.mailboxId === null && new Date(c.notAfter) > now
  );
}

async function certificatesOf(s: MailSession, member: ChatMember, now: Date): Promise<string[]> {
  const all = await s.remote.api.get<CertificateView[]>(
    `/api/pki/users/${segment(member.userId)}/certificates`,
  );
  const pems = all.filter((c) => usableForChat(c, now)).map((c) => c.certificatePem);
  for (const pem of pems) checkChainsTo(pem, s.chain, `encryption certificate of ${member.displayName}`, now);
  return pems;
}

/**
 * Every member's certificates, in member order. A member with none (revoked or expired) is skipped,
 * as the server skips them; they read again once they have a new certificate.
 */
export async function memberCertificates(s: MailSession, members: readonly ChatMember[]): Promise<string[]> {
  const now = new Date();
  const lists = await Promise.all(members.map((m) => certificatesOf(s, m, now)));
  return lists.flat();
}
