/**
 * The certificates a letter is encrypted to: each recipient mailbox's current encryption
 * certificate(s) and the From mailbox's (so the sender can read the sent copy; the server refuses a
 * letter that leaves out either). Each one the server hands out is checked against the instance CA
 * pinned in the keystore and must name the address, so the server cannot slip in a key of its own.
 */
import { readCertificate } from '@liaison/core/crypto/index';
import { mailboxEncryptionCertificates } from '@liaison/core/client/index';
import { ApiError } from '../api.ts';
import { checkRecipientCertificate } from '../certificateCheck.ts';
import { CliFailure } from '../failure.ts';
import { getJson, type MailSession } from './session.ts';

type Role = 'recipient' | 'sender';

async function certificatesOf(s: MailSession, address: string, role: Role): Promise<string[]> {
  let pems: string[];
  try {
    pems = await mailboxEncryptionCertificates(getJson(s.remote), address);
  } catch (err) {
    // The server answers an unknown address with MAILBOX_NOT_FOUND; for a recipient, say it the way
    // the submission would (RECIPIENT_UNKNOWN), before any slow signing and encryption.
    if (role === 'recipient' && err instanceof ApiError && err.code === 'MAILBOX_NOT_FOUND') {
      throw new CliFailure('RECIPIENT_UNKNOWN', `no verified mailbox has the address ${address}`);
    }
    throw err;
  }
  if (pems.length === 0) {
    throw role === 'recipient'
      ? new CliFailure('RECIPIENT_NO_CERTIFICATE', `${address} has no encryption certificate yet`)
      : new CliFailure(
          'NO_ENCRYPTION_CERTIFICATE',
          `your mailbox ${address} has no encryption certificate yet`,
          1,
          'Run `liaison keys init` (personal mailbox) or `liaison mailbox key-init` (shared mailbox) first.',
        );
  }
  for (const pem of pems) checkRecipientCertificate(pem, address, s.chain);
  return pems;
}

/** Issuer and serial: one certificate named twice (writing to oneself) is encrypted to once. */
function identity(pem: string): string {
  const info = readCertificate(pem);
  return `${info.issuerDn}|${info.serialNumberHex}`;
}

/** Every certificate to encrypt to, recipients first, each once. */
export async function sealingCertificates(
  s: MailSession,
  from: string,
  recipients: readonly string[],
): Promise<string[]> {
  const lists = await Promise.all([
    ...recipients.map((address) => certificatesOf(s, address, 'recipient')),
    certificatesOf(s, from, 'sender'),
  ]);
  const unique = new Map<string, string>();
  for (const pem of lists.flat()) unique.set(identity(pem), pem);
  return [...unique.values()];
}
