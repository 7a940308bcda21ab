/**
 * Opening CMS EnvelopedData: find our KeyTransRecipientInfo (issuer+serial or subjectKeyIdentifier),
 * read the OAEP hash it names (absent parameters mean SHA-1, OpenSSL's default), unwrap the content key
 * with the matching RSA-OAEP key and decrypt AES-CBC content.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, toArrayBuffer, type Bytes } from './bytes.ts';
import { parseCertificate, subjectKeyIdentifier } from './certificates.ts';
import { readEnvelopedData } from './cms.ts';
import { pkiEngine, subtle, type WebCryptoKey } from './engine.ts';
import { CryptoError, failAs } from './errors.ts';
import type { DecryptionKeys } from './keys.ts';
import { hashByOid, OID, type HashName } from './oids.ts';

export interface DecryptRecipient {
  certificatePem: string;
  /** The private key as PKCS#8 DER, or keys already imported by `importDecryptionKeys`. */
  privateKeyPkcs8?: Bytes;
  keys?: DecryptionKeys;
}

export interface DecryptInput {
  envelope: Uint8Array;
  /** One identity, or several (a key history, mailbox keys): the first that is a recipient is used. */
  recipient: DecryptRecipient | DecryptRecipient[];
}

const AES_CBC = new Set<string>([OID.aes128Cbc, OID.aes192Cbc, OID.aes256Cbc]);

function matches(info: pkijs.KeyTransRecipientInfo, certificate: pkijs.Certificate): boolean {
  const rid = info.rid;
  if (rid instanceof pkijs.IssuerAndSerialNumber) {
    return rid.issuer.isEqual(certificate.issuer) && rid.serialNumber.isEqual(certificate.serialNumber);
  }
  const ski = subjectKeyIdentifier(certificate);
  return ski !== undefined && bytesEqual(rid.valueBlock.valueHexView, ski);
}

/**
 * Whether RSAES-OAEP-params carry a non-empty label ([2] pSourceAlgorithm). Read from the encoding:
 * PKI.js fills an absent field with a non-standard default (a SHA-1 hash as label).
 */
function hasLabel(schema: unknown): boolean {
  if (!(schema instanceof asn1js.Sequence)) return false;
  const field = schema.valueBlock.value.find((b) => b.idBlock.tagClass === 3 && b.idBlock.tagNumber === 2);
  if (!field) return false;
  const inner = (field as asn1js.Constructed).valueBlock.value[0];
  const source = new pkijs.AlgorithmIdentifier({ schema: inner as unknown });
  const label = source.algorithmParams as unknown;
  return !(
    source.algorithmId === OID.pSpecified &&
    label instanceof asn1js.OctetString &&
    label.valueBlock.valueHexView.length === 0
  );
}

/** The OAEP hash a RecipientInfo names; MGF1 must use the same hash and the label must be empty. */
export function oaepHashOf(algorithm: pkijs.AlgorithmIdentifier): HashName {
  if (algorithm.algorithmId === OID.rsaEncryption) {
    throw new CryptoError(
      'UNSUPPORTED_ALGORITHM',
      'RSA PKCS#1 v1.5 key transport is not accepted, only RSA-OAEP',
    );
  }
  if (algorithm.algorithmId !== OID.rsaesOaep) {
    throw new CryptoError('UNSUPPORTED_ALGORITHM', `key transport ${algorithm.algorithmId}`);
  }
  const schema = algorithm.algorithmParams as unknown;
  if (schema === undefined || schema instanceof asn1js.Null) return 'SHA-1';
  let params: pkijs.RSAESOAEPParams;
  try {
    params = new pkijs.RSAESOAEPParams({ schema });
  } catch (error) {
    throw new CryptoError('CMS_MALFORMED', 'bad RSAES-OAEP-params', { cause: error });
  }
  const hash = hashByOid(params.hashAlgorithm.algorithmId);
  if (!hash) throw new CryptoError('UNSUPPORTED_ALGORITHM', `OAEP hash ${params.hashAlgorithm.algorithmId}`);
  if (params.maskGenAlgorithm.algorithmId !== OID.mgf1) {
    throw new CryptoError(
      'UNSUPPORTED_ALGORITHM',
      `OAEP mask generation ${params.maskGenAlgorithm.algorithmId}`,
    );
  }
  const mgfHash = new pkijs.AlgorithmIdentifier({
    schema: params.maskGenAlgorithm.algorithmParams as unknown,
  });
  if (hashByOid(mgfHash.algorithmId) !== hash) {
    throw new CryptoError('UNSUPPORTED_ALGORITHM', 'OAEP with different hash and MGF1 hash');
  }
  if (hasLabel(schema)) throw new CryptoError('UNSUPPORTED_ALGORITHM', 'OAEP with a label');
  return hash;
}

async function decryptionKey(recipient: DecryptRecipient, hash: HashName): Promise<WebCryptoKey> {
  if (recipient.keys && (hash === 'SHA-1' || hash === 'SHA-256')) return recipient.keys[hash];
  if (!recipient.privateKeyPkcs8) {
    throw new CryptoError('UNSUPPORTED_ALGORITHM', `no key imported for OAEP with ${hash}`);
  }
  try {
    return await subtle().importKey(
      'pkcs8',
      toArrayBuffer(recipient.privateKeyPkcs8),
      { name: 'RSA-OAEP', hash },
      false,
      ['decrypt'],
    );
  } catch (error) {
    throw new CryptoError('KEY_MALFORMED', 'not an RSA PKCS#8 private key', { cause: error });
  }
}

/** Decrypts an EnvelopedData ContentInfo (DER/BER) and returns the content. */
export function decrypt(input: DecryptInput): Promise<Uint8Array> {
  // Untrusted input: whatever slips past the specific checks is a malformed message, never a crash.
  return failAs('CMS_MALFORMED', 'unreadable EnvelopedData', () => decryptUnsafe(input));
}

async function decryptUnsafe(input: DecryptInput): Promise<Uint8Array> {
  const enveloped = readEnvelopedData(input.envelope);
  const contentAlgorithm = enveloped.encryptedContentInfo.contentEncryptionAlgorithm.algorithmId;
  if (!AES_CBC.has(contentAlgorithm)) {
    throw new CryptoError('UNSUPPORTED_ALGORITHM', `content encryption ${contentAlgorithm}`);
  }
  const identities = Array.isArray(input.recipient) ? input.recipient : [input.recipient];
  for (const identity of identities) {
    const certificate = parseCertificate(identity.certificatePem);
    const index = enveloped.recipientInfos.findIndex(
      (ri) => ri.value instanceof pkijs.KeyTransRecipientInfo && matches(ri.value, certificate),
    );
    const info = enveloped.recipientInfos[index]?.value;
    if (!(info instanceof pkijs.KeyTransRecipientInfo)) continue;
    const key = await decryptionKey(identity, oaepHashOf(info.keyEncryptionAlgorithm));
    try {
      return new Uint8Array(await enveloped.decrypt(index, { recipientPrivateKey: key }, pkiEngine()));
    } catch (error) {
      throw new CryptoError('DECRYPT_FAILED', 'key unwrap or content decryption failed', { cause: error });
    }
  }
  throw new CryptoError(
    'NOT_A_RECIPIENT',
    `${enveloped.recipientInfos.length} recipient(s), none matches the ${identities.length} certificate(s) given`,
  );
}
