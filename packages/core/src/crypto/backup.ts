/**
 * The personal key backup: a PKCS#12 file (RFC 7292) holding the whole key history, opened on another
 * device with a passphrase the server never sees, and by `openssl pkcs12` too.
 *
 * Layout: one unencrypted SafeContents with, per entry, a PKCS8ShroudedKeyBag (PBES2: PBKDF2-HMAC-
 * SHA256, AES-256-CBC, 600,000 iterations by default) and a CertBag for its certificate, paired by
 * localKeyId; friendlyName carries "liaison-<usage>:<label>". Certificates are public (they are in the
 * directory), so they are not encrypted. The integrity MAC (HMAC-SHA256) uses as many iterations as the
 * keys: a MAC with OpenSSL's default 2,048 would let anyone test passphrases 300 times faster than
 * PBKDF2 allows. Passphrases are NFC-normalised, so "é" typed on any system opens the same file.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { asUint8Array, bytesEqual, toArrayBuffer, toHex, utf8, type Bytes } from './bytes.ts';
import { certificateDer, certificatePem, parseCertificate, readCertificate } from './certificates.ts';
import { derSorted } from './cms.ts';
import { pkiEngine, randomBytes } from './engine.ts';
import { CryptoError, failAs, failAsSync } from './errors.ts';
import type { KeyUse } from './keys.ts';
import { hashByOid, OID } from './oids.ts';

export interface BackupEntry {
  privateKeyPkcs8: ArrayBuffer;
  certificatePem?: string;
  usage: KeyUse;
  label: string;
}

export interface CreateBackupInput {
  passphrase: string;
  entries: BackupEntry[];
  /** PBKDF2 and MAC iterations. Lower values are for tests only. */
  iterations?: number;
}

export interface OpenBackupOptions {
  /** Refuse files asking for more work than this (a hostile file could ask for billions). */
  maxIterations?: number;
}

export const BACKUP_ITERATIONS = 600_000;
const MIN_ITERATIONS = 1_000;
const DEFAULT_MAX_ITERATIONS = 10_000_000;
const NAME_PREFIX = /^liaison-(signing|encryption):([\s\S]*)$/;

function password(passphrase: string): ArrayBuffer {
  if (passphrase.length === 0) throw new CryptoError('BACKUP_WEAK_PARAMETERS', 'empty passphrase');
  return toArrayBuffer(utf8(passphrase.normalize('NFC')));
}

function bagAttributes(label: string, usage: KeyUse, localKeyId: Uint8Array): pkijs.Attribute[] {
  return derSorted([
    new pkijs.Attribute({
      type: OID.friendlyName,
      values: [new asn1js.BmpString({ value: `liaison-${usage}:${label}` })],
    }),
    new pkijs.Attribute({
      type: OID.localKeyId,
      values: [new asn1js.OctetString({ valueHex: toArrayBuffer(localKeyId) })],
    }),
  ]);
}

function rsaModulus(pkcs8: Bytes): Uint8Array {
  return failAsSync('KEY_MALFORMED', 'not an RSA PKCS#8 private key', () => {
    const info = pkijs.PrivateKeyInfo.fromBER(toArrayBuffer(pkcs8));
    if (!(info.parsedKey instanceof pkijs.RSAPrivateKey))
      throw new CryptoError('KEY_MALFORMED', 'not an RSA key');
    return stripZeros(info.parsedKey.modulus.valueBlock.valueHexView);
  });
}

function stripZeros(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i);
}

function certificateModulus(certificate: pkijs.Certificate): Uint8Array | undefined {
  const key = certificate.subjectPublicKeyInfo.parsedKey;
  return key instanceof pkijs.RSAPublicKey ? stripZeros(key.modulus.valueBlock.valueHexView) : undefined;
}

async function shroud(
  pkcs8: ArrayBuffer,
  secret: ArrayBuffer,
  iterations: number,
): Promise<pkijs.PKCS8ShroudedKeyBag> {
  const encrypted = await pkiEngine().encryptEncryptedContentInfo({
    password: secret,
    // PKI.js draws and writes its own random IV; its parameter type asks for one all the same.
    contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256, iv: randomBytes(16) },
    hmacHashAlgorithm: 'SHA-256',
    iterationCount: iterations,
    contentToEncrypt: pkcs8,
    contentType: OID.data,
  });
  return new pkijs.PKCS8ShroudedKeyBag({
    encryptionAlgorithm: encrypted.contentEncryptionAlgorithm,
    // One primitive OCTET STRING (DER) rather than the constructed pieces PKI.js makes.
    encryptedData: new asn1js.OctetString({ valueHex: encrypted.getEncryptedContent() }),
  });
}

/** Builds the PKCS#12 backup (DER). */
export async function createBackup(input: CreateBackupInput): Promise<Uint8Array> {
  const iterations = input.iterations ?? BACKUP_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > DEFAULT_MAX_ITERATIONS) {
    throw new CryptoError('BACKUP_WEAK_PARAMETERS', `iterations ${iterations}`);
  }
  if (input.entries.length === 0) throw new CryptoError('BACKUP_WEAK_PARAMETERS', 'no key to back up');
  const secret = password(input.passphrase);
  const engine = pkiEngine();
  const bags: pkijs.SafeBag[] = [];
  for (const entry of input.entries) {
    const modulus = rsaModulus(entry.privateKeyPkcs8);
    const localKeyId = randomBytes(16);
    const attributes = bagAttributes(entry.label, entry.usage, localKeyId);
    bags.push(
      new pkijs.SafeBag({
        bagId: OID.pkcs8ShroudedKeyBag,
        bagValue: await shroud(toArrayBuffer(entry.privateKeyPkcs8), secret, iterations),
        bagAttributes: attributes,
      }),
    );
    if (entry.certificatePem) {
      const certificate = parseCertificate(entry.certificatePem);
      const certModulus = certificateModulus(certificate);
      if (!certModulus || !bytesEqual(certModulus, modulus)) {
        throw new CryptoError('KEY_CERT_MISMATCH', `entry "${entry.label}"`);
      }
      bags.push(
        new pkijs.SafeBag({
          bagId: OID.certBag,
          bagValue: new pkijs.CertBag({
            certId: OID.x509Certificate,
            certValue: new asn1js.OctetString({ valueHex: toArrayBuffer(certificateDer(certificate)) }),
          }),
          bagAttributes: attributes,
        }),
      );
    }
  }
  const safeContents = new pkijs.SafeContents({ safeBags: bags }).toSchema().toBER(false);
  const authenticatedSafe = new pkijs.AuthenticatedSafe({
    safeContents: [
      new pkijs.ContentInfo({
        contentType: OID.data,
        content: new asn1js.OctetString({ valueHex: safeContents }),
      }),
    ],
  })
    .toSchema()
    .toBER(false);
  const macSalt = randomBytes(32);
  const mac = await engine.stampDataWithPassword({
    password: secret,
    hashAlgorithm: 'SHA-256',
    salt: macSalt.buffer,
    iterationCount: iterations,
    contentToStamp: authenticatedSafe,
  });
  const pfx = new pkijs.PFX({
    version: 3,
    authSafe: new pkijs.ContentInfo({
      contentType: OID.data,
      content: new asn1js.OctetString({ valueHex: authenticatedSafe }),
    }),
    macData: new pkijs.MacData({
      mac: new pkijs.DigestInfo({
        digestAlgorithm: new pkijs.AlgorithmIdentifier({
          algorithmId: OID.sha256,
          algorithmParams: new asn1js.Null(),
        }),
        digest: new asn1js.OctetString({ valueHex: mac }),
      }),
      macSalt: new asn1js.OctetString({ valueHex: macSalt.buffer }),
      iterations,
    }),
  });
  return new Uint8Array(pfx.toSchema().toBER(false));
}

function readPfx(bytes: Uint8Array): pkijs.PFX {
  return failAsSync('BACKUP_MALFORMED', 'not a PKCS#12 file', () => {
    const parsed = asn1js.fromBER(bytes);
    if (parsed.offset === -1) throw new CryptoError('BACKUP_MALFORMED', 'not DER');
    return new pkijs.PFX({ schema: parsed.result });
  });
}

function octets(value: unknown, what: string): ArrayBuffer {
  if (!(value instanceof asn1js.OctetString))
    throw new CryptoError('BACKUP_MALFORMED', `${what} is not an OCTET STRING`);
  return value.getValue();
}

/** Refuses PBES2 parameters a hostile or broken file could use to stall or weaken us. */
function assertPbes2(algorithm: pkijs.AlgorithmIdentifier, maxIterations: number): void {
  if (algorithm.algorithmId !== OID.pbes2) {
    throw new CryptoError(
      'BACKUP_MALFORMED',
      `unsupported key encryption ${algorithm.algorithmId} (PBES2 only)`,
    );
  }
  const params = failAsSync('BACKUP_MALFORMED', 'bad PBES2 parameters', () => {
    const pbes2 = new pkijs.PBES2Params({ schema: algorithm.algorithmParams as unknown });
    return new pkijs.PBKDF2Params({ schema: pbes2.keyDerivationFunc.algorithmParams as unknown });
  });
  if (params.iterationCount > maxIterations) {
    throw new CryptoError('BACKUP_WEAK_PARAMETERS', `${params.iterationCount} PBKDF2 iterations`);
  }
}

interface RawKey {
  pkcs8: ArrayBuffer;
  name?: string;
  localKeyId?: string;
}
interface RawCert {
  certificate: pkijs.Certificate;
  localKeyId?: string;
}

function attributesOf(bag: pkijs.SafeBag): { name?: string; localKeyId?: string } {
  const out: { name?: string; localKeyId?: string } = {};
  for (const attribute of bag.bagAttributes ?? []) {
    const value = attribute.values[0] as unknown;
    if (attribute.type === OID.friendlyName && value instanceof asn1js.BmpString)
      out.name = value.valueBlock.value;
    if (attribute.type === OID.localKeyId && value instanceof asn1js.OctetString) {
      out.localKeyId = toHex(value.valueBlock.valueHexView);
    }
  }
  return out;
}

async function readBags(
  safeContents: pkijs.SafeContents,
  secret: ArrayBuffer,
  maxIterations: number,
  keys: RawKey[],
  certs: RawCert[],
): Promise<void> {
  const engine = pkiEngine();
  for (const bag of safeContents.safeBags) {
    const attributes = attributesOf(bag);
    if (bag.bagId === OID.pkcs8ShroudedKeyBag && bag.bagValue instanceof pkijs.PKCS8ShroudedKeyBag) {
      assertPbes2(bag.bagValue.encryptionAlgorithm, maxIterations);
      const encryptedContentInfo = new pkijs.EncryptedContentInfo({
        contentType: OID.data,
        contentEncryptionAlgorithm: bag.bagValue.encryptionAlgorithm,
        encryptedContent: bag.bagValue.encryptedData,
      });
      let pkcs8: ArrayBuffer;
      try {
        pkcs8 = await engine.decryptEncryptedContentInfo({ password: secret, encryptedContentInfo });
      } catch (error) {
        throw new CryptoError('BACKUP_MALFORMED', 'a key does not decrypt with the passphrase', {
          cause: error,
        });
      }
      keys.push({ pkcs8, ...attributes });
    } else if (bag.bagId === OID.certBag && bag.bagValue instanceof pkijs.CertBag) {
      if (bag.bagValue.certId !== OID.x509Certificate) continue;
      const der = octets(bag.bagValue.certValue, 'certificate');
      certs.push({ certificate: parseCertificate(der), ...attributes });
    }
  }
}

async function readAuthenticatedSafe(
  pfx: pkijs.PFX,
  secret: ArrayBuffer,
  maxIterations: number,
): Promise<{ keys: RawKey[]; certs: RawCert[] }> {
  const keys: RawKey[] = [];
  const certs: RawCert[] = [];
  const authenticatedSafe = failAsSync('BACKUP_MALFORMED', 'bad AuthenticatedSafe', () =>
    pkijs.AuthenticatedSafe.fromBER(octets(pfx.authSafe.content, 'authSafe')),
  );
  for (const info of authenticatedSafe.safeContents) {
    let plain: ArrayBuffer;
    if (info.contentType === OID.data) {
      plain = octets(info.content, 'SafeContents');
    } else if (info.contentType === OID.encryptedData) {
      const encrypted = failAsSync(
        'BACKUP_MALFORMED',
        'bad EncryptedData',
        () => new pkijs.EncryptedData({ schema: info.content as unknown }),
      );
      assertPbes2(encrypted.encryptedContentInfo.contentEncryptionAlgorithm, maxIterations);
      try {
        plain = await encrypted.decrypt({ password: secret }, pkiEngine());
      } catch (error) {
        throw new CryptoError('BACKUP_MALFORMED', 'certificates do not decrypt with the passphrase', {
          cause: error,
        });
      }
    } else {
      throw new CryptoError('BACKUP_MALFORMED', `unsupported SafeContents type ${info.contentType}`);
    }
    const safeContents = failAsSync('BACKUP_MALFORMED', 'bad SafeContents', () =>
      pkijs.SafeContents.fromBER(plain),
    );
    await readBags(safeContents, secret, maxIterations, keys, certs);
  }
  return { keys, certs };
}

function usageFromCertificate(pem: string | undefined): KeyUse {
  const usage = pem ? readCertificate(pem).keyUsage : undefined;
  return usage?.includes('keyEncipherment') || !usage?.includes('digitalSignature')
    ? 'encryption'
    : 'signing';
}

/** Opens a backup; throws BACKUP_WRONG_PASSPHRASE when the passphrase (or the file) is wrong. */
export function openBackup(
  input: Bytes,
  passphrase: string,
  options: OpenBackupOptions = {},
): Promise<BackupEntry[]> {
  // Untrusted input: whatever slips past the specific checks is a malformed file, never a crash.
  return failAs('BACKUP_MALFORMED', 'unreadable PKCS#12', () => openBackupUnsafe(input, passphrase, options));
}

async function openBackupUnsafe(
  input: Bytes,
  passphrase: string,
  options: OpenBackupOptions,
): Promise<BackupEntry[]> {
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const pfx = readPfx(asUint8Array(input));
  const macData = pfx.macData;
  if (pfx.authSafe.contentType !== OID.data || !macData) {
    throw new CryptoError('BACKUP_MALFORMED', 'only password-integrity PKCS#12 files are supported');
  }
  const iterations = macData.iterations ?? 1;
  if (iterations > maxIterations)
    throw new CryptoError('BACKUP_WEAK_PARAMETERS', `${iterations} MAC iterations`);
  const hash = hashByOid(macData.mac.digestAlgorithm.algorithmId);
  if (!hash)
    throw new CryptoError('BACKUP_MALFORMED', `MAC digest ${macData.mac.digestAlgorithm.algorithmId}`);
  const secret = password(passphrase);
  const authSafeBytes = octets(pfx.authSafe.content, 'authSafe');
  const macOk = await pkiEngine()
    .verifyDataStampedWithPassword({
      password: secret,
      hashAlgorithm: hash,
      salt: toArrayBuffer(macData.macSalt.valueBlock.valueHexView),
      iterationCount: iterations,
      contentToVerify: authSafeBytes,
      signatureToVerify: toArrayBuffer(macData.mac.digest.valueBlock.valueHexView),
    })
    .catch(() => false);
  if (!macOk) throw new CryptoError('BACKUP_WRONG_PASSPHRASE');

  const { keys, certs } = await readAuthenticatedSafe(pfx, secret, maxIterations);
  return keys.map((key) => {
    const modulus = rsaModulus(key.pkcs8);
    const cert =
      certs.find((c) => key.localKeyId !== undefined && c.localKeyId === key.localKeyId) ??
      certs.find((c) => {
        const m = certificateModulus(c.certificate);
        return m !== undefined && bytesEqual(m, modulus);
      });
    const pem = cert ? certificatePem(cert.certificate) : undefined;
    const tagged = NAME_PREFIX.exec(key.name ?? '');
    const entry: BackupEntry = {
      privateKeyPkcs8: key.pkcs8,
      usage: tagged ? (tagged[1] as KeyUse) : usageFromCertificate(pem),
      label: tagged ? (tagged[2] ?? '') : (key.name ?? ''),
    };
    if (pem) entry.certificatePem = pem;
    return entry;
  });
}
