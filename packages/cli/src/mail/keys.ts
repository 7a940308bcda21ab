/**
 * The keys that open letters of a mailbox: for a personal mailbox, the whole encryption key history
 * of the keystore (mail sent to a renewed certificate stays readable); for a shared one, every key
 * version of the mailbox wrapped for the caller (see ../mailbox/shared.ts), opened here in memory.
 */
import type { DecryptRecipient } from '@liaison/core/crypto/index';
import { segment } from '../api.ts';
import type { CertificateView } from '../apiTypes.ts';
import { checkChainsTo } from '../certificateCheck.ts';
import { mailboxPath, myDecryptionKeys, unwrap, type MailboxKeyView } from '../mailbox/shared.ts';
import type { MailboxRef, MailSession } from './session.ts';

export async function decryptionKeys(s: MailSession, mailbox: MailboxRef): Promise<DecryptRecipient[]> {
  const personal = myDecryptionKeys(s.store);
  if (mailbox.kind === 'PER') return personal;
  const versions = await s.remote.api.get<MailboxKeyView[]>(mailboxPath(mailbox.id, '/keys'));
  const shared: DecryptRecipient[] = [];
  for (const version of versions) {
    const certificate = await s.remote.api.get<CertificateView>(
      `/api/pki/certificates/${segment(version.certificateSerial)}`,
    );
    // Old versions may have expired: what matters is that the CA issued them, not that they are current.
    checkChainsTo(
      certificate.certificatePem,
      s.chain,
      `key version ${version.version} of ${mailbox.address}`,
      null,
    );
    shared.push({
      certificatePem: certificate.certificatePem,
      privateKeyPkcs8: await unwrap(s.store, version),
    });
  }
  return [...shared, ...personal];
}
