import type { Reader } from '../db/index.ts';
import { fail } from '../errors.ts';
import { normaliseSerial } from '../pki/x509.ts';
import { wasMemberAt } from './store.ts';

export interface SignerCheck {
  allowed: boolean;
  /** Why not, in words a verifier can show: unknown certificate, not a signing one, not a member then. */
  reason: 'member' | 'not-a-member-then' | 'not-a-signing-certificate';
}

/**
 * Could the holder of signing certificate `serial` sign for `address` at `at`? They must have owned or
 * been a delegate of that mailbox at that moment; verifiers (web, CLI) call this from their
 * `signerAllowed` hook so a delegate removed yesterday cannot sign today.
 */
export async function checkSigner(
  db: Reader,
  address: string,
  serial: string,
  at: string,
): Promise<SignerCheck> {
  const mailbox = await db
    .selectFrom('mailboxes')
    .select('id')
    .where('address', '=', address.toLowerCase())
    .executeTakeFirst();
  if (!mailbox) fail('MAILBOX_NOT_FOUND');
  const cert = await db
    .selectFrom('pki_certificates')
    .select(['user_id', 'usage', 'mailbox_id'])
    .where('serial', '=', normaliseSerial(serial))
    .executeTakeFirst();
  if (!cert) fail('CERT_NOT_FOUND');
  if (cert.usage !== 'signing' || cert.mailbox_id !== null)
    return { allowed: false, reason: 'not-a-signing-certificate' };
  const member = await wasMemberAt(db, mailbox.id, cert.user_id, at);
  return member ? { allowed: true, reason: 'member' } : { allowed: false, reason: 'not-a-member-then' };
}
