/**
 * Verifying CMS SignedData the way Liaison trusts a signature: the signature over the content, the
 * signer's certificate chaining to the given CA certificates, valid at the signing time, not revoked
 * (or superseded) before that time, and the signer allowed for the mailbox at that time (a hook).
 *
 * The signing time is the signer's own claim. When the caller knows when a trusted party first saw the
 * message (`receivedAt`, e.g. the server's submission time), a signing time after it is refused and
 * revocation is also checked against it, so a stolen key cannot backdate new signatures.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { asUint8Array, toArrayBuffer } from './bytes.ts';
import {
  assertUsage,
  certificatePem,
  describeCertificate,
  MIN_RSA_MODULUS_BITS,
  parseCertificates,
  type CertificateInfo,
} from './certificates.ts';
import { readSignedData } from './cms.ts';
import { pkiEngine } from './engine.ts';
import { CryptoError, failAs } from './errors.ts';
import { hashByOid, OID } from './oids.ts';

export interface CertificateStatus {
  state: 'good' | 'superseded' | 'revoked';
  supersededAt?: Date;
  revokedAt?: Date;
  reason?: string;
}

export interface TrustPolicy {
  /** Trust anchors: the instance's root (and issuing) CA certificates, PEM. */
  caCertificatesPem: string[];
  /** Revocation and renewal state of the signer's certificate (the server's view). */
  status?: (certificate: CertificateInfo) => Promise<CertificateStatus>;
  /** "The signer owned or was a delegate of the From mailbox at that time." */
  signerAllowed?: (signerCertificate: CertificateInfo, signingTime: Date) => Promise<boolean>;
}

export interface VerifyInput {
  /** SignedData ContentInfo, DER/BER. */
  signed: Uint8Array;
  /** The signed content when the signature is detached (multipart/signed). */
  detachedContent?: Uint8Array;
  trust: TrustPolicy;
  /** Verification time: signing times later than this (plus clock skew) are refused. */
  now?: Date;
  /** When a trusted party first saw the message (see the module comment). */
  receivedAt?: Date;
}

export interface SignerIdentity {
  commonName: string | undefined;
  /** "8"+RPPS or "0"+ADELI. */
  serialNumber: string | undefined;
  emails: string[];
}

export interface VerifiedMessage {
  content: Uint8Array;
  signerCertificatePem: string;
  signerCertificate: CertificateInfo;
  signingTime: Date;
  signer: SignerIdentity;
}

/** Clocks of devices and servers disagree a little; beyond this a signing time is "in the future". */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

const ACCEPTED_DIGESTS = new Set(['SHA-256', 'SHA-384', 'SHA-512']);
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';

function signingTimeOf(signerInfo: pkijs.SignerInfo): Date | undefined {
  const attribute = signerInfo.signedAttrs?.attributes.find((a) => a.type === OID.signingTime);
  if (!attribute) return undefined;
  const value = attribute.values[0] as unknown;
  if (attribute.values.length !== 1 || !(value instanceof asn1js.UTCTime)) {
    // GeneralizedTime extends UTCTime in asn1js, so both pass the instanceof check above.
    throw new CryptoError('SIGNING_TIME_INVALID', 'signingTime attribute is not a single time value');
  }
  const date = value.toDate();
  if (Number.isNaN(date.getTime())) throw new CryptoError('SIGNING_TIME_INVALID', 'unreadable signingTime');
  return date;
}

function assertSignerKey(info: CertificateInfo): void {
  if (info.publicKey.algorithm === EC_PUBLIC_KEY) return;
  if (info.publicKey.algorithm !== 'RSA') {
    throw new CryptoError('UNSUPPORTED_ALGORITHM', `signer key ${info.publicKey.algorithm}`);
  }
  if ((info.publicKey.modulusBits ?? 0) < MIN_RSA_MODULUS_BITS) {
    throw new CryptoError('WEAK_KEY', `signer RSA key of ${info.publicKey.modulusBits ?? 0} bits`);
  }
}

async function checkSignature(
  signedData: pkijs.SignedData,
  detached: Uint8Array | undefined,
): Promise<pkijs.Certificate> {
  let result: pkijs.SignedDataVerifyResult;
  try {
    result = await signedData.verify(
      {
        signer: 0,
        checkChain: false,
        extendedMode: true,
        ...(detached ? { data: toArrayBuffer(detached) } : {}),
      },
      pkiEngine(),
    );
  } catch (error) {
    if (!(error instanceof pkijs.SignedDataVerifyError)) {
      throw new CryptoError('SIGNATURE_INVALID', 'verification failed', { cause: error });
    }
    if (error.code === 2 || error.code === 3) {
      throw new CryptoError('CMS_MALFORMED', "the signer's certificate is not included", { cause: error });
    }
    if (error.code === 8 || error.code === 4) {
      throw new CryptoError('CMS_MALFORMED', 'detached signature without its content', { cause: error });
    }
    throw new CryptoError('SIGNATURE_INVALID', error.message, { cause: error });
  }
  if (!result.signatureVerified || !result.signerCertificate) {
    throw new CryptoError('SIGNATURE_INVALID', 'signature does not match');
  }
  return result.signerCertificate;
}

async function checkChain(
  signer: pkijs.Certificate,
  included: pkijs.Certificate[],
  trust: TrustPolicy,
  at: Date,
): Promise<void> {
  const given = trust.caCertificatesPem.flatMap((pem) => parseCertificates(pem));
  if (given.length === 0) throw new CryptoError('CERT_UNTRUSTED', 'no trusted CA certificate given');
  // Self-signed certificates given are the anchors; other given CA certificates are intermediates that
  // must chain to them. When no root is given, the given certificates themselves are trusted.
  const roots = given.filter((c) => c.subject.isEqual(c.issuer));
  const anchors = roots.length > 0 ? roots : given;
  const intermediates = [...given.filter((c) => !anchors.includes(c)), ...included].filter(
    (c) => c !== signer && describeCertificate(c).isCa,
  );
  const chain = new pkijs.CertificateChainValidationEngine({
    trustedCerts: anchors,
    // The engine takes the last certificate as the one to validate.
    certs: [...intermediates, signer],
    checkDate: at,
  });
  let outcome: pkijs.CertificateChainValidationEngineVerifyResult;
  try {
    outcome = await chain.verify({}, pkiEngine());
  } catch (error) {
    throw new CryptoError('CERT_UNTRUSTED', 'no path to a trusted CA', { cause: error });
  }
  if (!outcome.result) throw new CryptoError('CERT_UNTRUSTED', outcome.resultMessage || 'chain rejected');
}

function checkStatus(status: CertificateStatus, times: Date[]): void {
  if (status.state === 'good') return;
  const limit = status.state === 'revoked' ? status.revokedAt : status.supersededAt;
  const late = limit === undefined || times.some((t) => t.getTime() >= limit.getTime());
  if (!late) return;
  if (status.state === 'revoked') {
    const reason = status.reason ? ` (${status.reason})` : '';
    throw new CryptoError('CERT_REVOKED', `revoked ${limit?.toISOString() ?? 'at an unknown date'}${reason}`);
  }
  throw new CryptoError('CERT_SUPERSEDED', `superseded ${limit?.toISOString() ?? 'at an unknown date'}`);
}

/**
 * Verifies a SignedData and returns its content and who signed it, or throws a CryptoError. Errors
 * thrown by the `status` and `signerAllowed` hooks pass through unchanged.
 */
export async function verify(input: VerifyInput): Promise<VerifiedMessage> {
  // Untrusted input: whatever slips past the specific checks is a malformed message, never a crash.
  const verified = await failAs('CMS_MALFORMED', 'unreadable SignedData', () => checkMessage(input));
  const info = verified.signerCertificate;
  if (input.trust.status) {
    const times = input.receivedAt ? [verified.signingTime, input.receivedAt] : [verified.signingTime];
    checkStatus(await input.trust.status(describeCopy(info)), times);
  }
  if (
    input.trust.signerAllowed &&
    !(await input.trust.signerAllowed(describeCopy(info), verified.signingTime))
  ) {
    throw new CryptoError('SIGNER_NOT_ALLOWED', `${info.subjectDn} at ${verified.signingTime.toISOString()}`);
  }
  return verified;
}

/** Hooks get their own copy, so nothing they do changes the result. */
function describeCopy(info: CertificateInfo): CertificateInfo {
  return { ...info, der: info.der.slice(), subject: { ...info.subject }, emails: [...info.emails] };
}

/** Everything but the caller's hooks: structure, signature, key, signing time, validity, chain. */
async function checkMessage(input: VerifyInput): Promise<VerifiedMessage> {
  const signedData = readSignedData(input.signed);
  if (signedData.signerInfos.length !== 1) {
    throw new CryptoError('CMS_MALFORMED', `${signedData.signerInfos.length} signers, expected one`);
  }
  const signerInfo = signedData.signerInfos[0]!;
  const digest = hashByOid(signerInfo.digestAlgorithm.algorithmId);
  if (!digest || !ACCEPTED_DIGESTS.has(digest)) {
    throw new CryptoError(
      'UNSUPPORTED_ALGORITHM',
      `digest ${digest ?? signerInfo.digestAlgorithm.algorithmId}`,
    );
  }
  const eContent = signedData.encapContentInfo.eContent;
  const detached = input.detachedContent ? asUint8Array(input.detachedContent) : undefined;
  if (!eContent && !detached) throw new CryptoError('CMS_MALFORMED', 'no content and no detached content');
  if (eContent && !(eContent instanceof asn1js.OctetString)) {
    throw new CryptoError('CMS_MALFORMED', 'encapsulated content is not an OCTET STRING');
  }

  const signerCertificate = await checkSignature(signedData, detached);
  const info = describeCertificate(signerCertificate);
  assertSignerKey(info);

  const now = input.now ?? new Date();
  const claimed = signingTimeOf(signerInfo);
  const signingTime = claimed ?? input.receivedAt;
  if (!signingTime) throw new CryptoError('SIGNING_TIME_INVALID', 'no signingTime attribute');
  const horizon = (input.receivedAt ?? now).getTime() + MAX_CLOCK_SKEW_MS;
  if (signingTime.getTime() > horizon) {
    throw new CryptoError('SIGNING_TIME_INVALID', `signed ${signingTime.toISOString()}, in the future`);
  }
  if (signingTime < info.notBefore || signingTime > info.notAfter) {
    throw new CryptoError(
      'CERT_EXPIRED_AT_SIGNING',
      `signed ${signingTime.toISOString()}, certificate valid ${info.notBefore.toISOString()} to ${info.notAfter.toISOString()}`,
    );
  }
  assertUsage(info, 'signing', 'signer certificate');
  await checkChain(
    signerCertificate,
    (signedData.certificates ?? []).filter((c) => c instanceof pkijs.Certificate),
    input.trust,
    signingTime,
  );

  const content = detached ?? new Uint8Array(eContent?.getValue() ?? new ArrayBuffer(0));
  return {
    content,
    signerCertificatePem: certificatePem(signerCertificate),
    signerCertificate: info,
    signingTime,
    signer: {
      commonName: info.subject.commonName,
      serialNumber: info.subject.serialNumber,
      emails: info.emails,
    },
  };
}
