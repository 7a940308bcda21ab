import type { ChatMember } from '@liaison/core/api/chat';
import { parseCertificate, parseCertificates } from '@liaison/core/crypto/certificates';
import { CryptoError, pkiEngine } from '@liaison/core/crypto/index';
import { fetchMemberCertificates, type ChatCertificate } from '../../../api/chat.ts';

/**
 * The certificates a chat message is encrypted to: every member's active, unexpired personal
 * encryption certificate, the sender's own included (their other devices read it), the very set the
 * server checks (CHAT_RECIPIENTS_MISMATCH otherwise). Each must be issued by the instance's CA, so a
 * server cannot slip in a key of its own making and read the conversation.
 */

/** Same filter as the server's activeEncryptionSerials: shared-mailbox keys are for mail, not chat. */
export function usableForChat(c: ChatCertificate, now: Date): boolean {
  return (
    c.usage === 'encryption' && c.state === 'active' && c.mailboxId === null && new Date(c.notAfter) > now
  );
}

/** Throws CERT_UNTRUSTED unless the certificate is valid now and signed by a CA of the instance's chain. */
export async function checkIssuedByInstance(pem: string, caChainPem: string, now: Date): Promise<void> {
  const leaf = parseCertificate(pem);
  if (leaf.notBefore.value > now || leaf.notAfter.value < now) {
    throw new CryptoError('CERT_UNTRUSTED', 'the certificate is not valid now');
  }
  const engine = pkiEngine();
  for (const ca of parseCertificates(caChainPem)) {
    if (!leaf.issuer.isEqual(ca.subject)) continue;
    if (await leaf.verify(ca, engine)) return;
  }
  throw new CryptoError('CERT_UNTRUSTED', 'the certificate was not issued by this instance');
}

/**
 * Every member's certificates, in member order. A member with none (revoked or expired) is skipped,
 * as the server skips them; they read again once they have a new certificate.
 */
export async function memberCertificates(
  members: readonly ChatMember[],
  caChainPem: string,
): Promise<string[]> {
  const now = new Date();
  const lists = await Promise.all(
    members.map(async (member) => {
      const all = await fetchMemberCertificates(member.userId);
      const mine = all.filter((c) => c.userId === member.userId && usableForChat(c, now));
      for (const c of mine) await checkIssuedByInstance(c.certificatePem, caChainPem, now);
      return mine.map((c) => c.certificatePem);
    }),
  );
  return lists.flat();
}
