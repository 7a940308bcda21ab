import type { SubmitMessageRequest } from '@liaison/core/api/mail';
import {
  base64Encode,
  createCsr,
  encrypt,
  generateEncryptionKeyPair,
  generateSigningKeyPair,
  signThenEncryptDer,
  utf8,
  type WebCryptoKeyPair,
} from '@liaison/core/crypto/index';
import type { Client, TestInstance } from './app.ts';
import { approvedProfessional, type Professional } from './pki.ts';

/** A verified professional with an enrolled device, a signing and an encryption certificate. */
export interface MailUser extends Professional {
  signing: WebCryptoKeyPair;
  encryption: WebCryptoKeyPair;
  signingCertificatePem: string;
  encryptionCertificatePem: string;
}

async function certify(
  client: Client,
  keys: WebCryptoKeyPair,
  usage: 'signing' | 'encryption',
): Promise<{ certificatePem: string; serial: string }> {
  const subject = await client.get<{ commonName: string; serialNumber: string | null; emails: string[] }>(
    `/api/pki/subject?usage=${usage}`,
  );
  const csrPem = await createCsr({
    keyPair: keys,
    usage,
    subject: {
      commonName: subject.body.commonName,
      serialNumber: subject.body.serialNumber ?? undefined,
      email: subject.body.emails[0]!,
    },
  });
  const cert = await client.post<{ certificatePem: string; serial: string }>('/api/pki/csr', {
    usage,
    csrPem,
  });
  if (cert.status !== 201) throw new Error(`certificate refused: ${cert.text}`);
  return cert.body;
}

export async function mailUser(
  t: TestInstance,
  technician: Client,
  firstName: string,
  lastName: string,
): Promise<MailUser> {
  const person = await approvedProfessional(t, technician, firstName, lastName);
  const [signing, encryption] = await Promise.all([generateSigningKeyPair(), generateEncryptionKeyPair()]);
  const s = await certify(person.client, signing, 'signing');
  const e = await certify(person.client, encryption, 'encryption');
  return {
    ...person,
    signing,
    encryption,
    signingCertificatePem: s.certificatePem,
    encryptionCertificatePem: e.certificatePem,
  };
}

export interface SealOptions {
  to: MailUser[];
  cc?: MailUser[];
  /** Certificates to encrypt for; defaults to every recipient's and the sender's own. */
  encryptFor?: string[];
  content?: string;
  attachmentCount?: number;
  attachmentBytes?: number;
  id?: string;
}

/**
 * A submission as a device makes one (signed then encrypted, plus an encrypted summary), with any
 * content: the server never reads it, so these tests need no letter format.
 */
export async function sealFor(sender: MailUser, options: SealOptions): Promise<SubmitMessageRequest> {
  const cc = options.cc ?? [];
  const certificates = options.encryptFor ?? [
    sender.encryptionCertificatePem,
    ...[...options.to, ...cc].map((r) => r.encryptionCertificatePem),
  ];
  const body = await signThenEncryptDer({
    content: utf8(`Content-Type: text/plain; charset=utf-8\r\n\r\n${options.content ?? 'Bonjour'}\r\n`),
    signer: { privateKey: sender.signing.privateKey, certificatePem: sender.signingCertificatePem },
    recipients: certificates,
  });
  const summary = await encrypt({ content: utf8('{"subject":"s"}'), recipients: certificates });
  return {
    id: options.id ?? crypto.randomUUID(),
    from: sender.address,
    to: options.to.map((r) => r.address),
    cc: cc.map((r) => r.address),
    category: 'patient',
    declared: {
      bodyBytes: body.length,
      summaryBytes: summary.length,
      attachmentCount: options.attachmentCount ?? 0,
      attachmentBytes: options.attachmentBytes ?? 0,
    },
    body: base64Encode(body),
    summary: base64Encode(summary),
  };
}

export function box(address: string): string {
  return `/api/mail/boxes/${encodeURIComponent(address)}/messages`;
}
