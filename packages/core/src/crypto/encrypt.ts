/**
 * CMS EnvelopedData (RFC 5652 §6) for several recipients: one KeyTransRecipientInfo each (issuer and
 * serial), RSA-OAEP with SHA-256 and MGF1-SHA-256 (RFC 8017 params written out, since the default
 * would mean SHA-1), and AES-256-CBC for the content. Not AES-GCM: PKI.js writes it inside
 * EnvelopedData, where OpenSSL expects AuthEnvelopedData, and rejects it.
 */
import * as pkijs from 'pkijs';
import { asUint8Array, toArrayBuffer } from './bytes.ts';
import {
  assertStrongRsaKey,
  assertUsage,
  describeCertificate,
  integerHex,
  parseCertificate,
} from './certificates.ts';
import { writeContentInfo } from './cms.ts';
import { pkiEngine } from './engine.ts';
import { CryptoError, failAs } from './errors.ts';
import { OID } from './oids.ts';

/** PKI.js types this as a bare `Algorithm` though it reads `length` too. */
const AES_256_CBC = { name: 'AES-CBC', length: 256 };

export interface EncryptInput {
  content: Uint8Array;
  /** Recipient encryption certificates (PEM); include the sender's own to keep a readable copy. */
  recipients: string[];
}

/** Encrypts `content` for every recipient; returns the EnvelopedData ContentInfo as DER. */
export async function encrypt(input: EncryptInput): Promise<Uint8Array> {
  const content = asUint8Array(input.content);
  if (content.length === 0) throw new CryptoError('MIME_MALFORMED', 'nothing to encrypt');
  if (input.recipients.length === 0) throw new CryptoError('NOT_A_RECIPIENT', 'no recipient');
  const engine = pkiEngine();
  // disableSplit: write the ciphertext as one primitive OCTET STRING (DER), not 1 KiB BER chunks.
  const enveloped = new pkijs.EnvelopedData({ disableSplit: true });
  const seen = new Set<string>();
  for (const pem of input.recipients) {
    const certificate = parseCertificate(pem);
    const info = describeCertificate(certificate);
    const id = `${info.issuerDn}|${integerHex(certificate.serialNumber)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    assertStrongRsaKey(info.publicKey, `recipient ${info.subjectDn}`);
    assertUsage(info, 'encryption', `recipient ${info.subjectDn}`);
    enveloped.addRecipientByCertificate(certificate, { oaepHashAlgorithm: 'SHA-256' }, 1, engine);
  }
  await failAs('KEY_MALFORMED', 'cannot encrypt to a recipient key', () =>
    enveloped.encrypt(AES_256_CBC, toArrayBuffer(content), engine),
  );
  // RFC 5652 §6.1: no originatorInfo, no unprotectedAttrs, only version-0 ktri → version 0.
  enveloped.version = 0;
  return writeContentInfo(OID.envelopedData, enveloped.toSchema());
}
