/**
 * Liaison's cryptographic core: keys, certificate requests, the PKCS#12 key backup and S/MIME (CMS)
 * sign / encrypt / decrypt / verify, on WebCrypto and PKI.js, identical in the browser and in Node.
 */
export * from './backup.ts';
export {
  base64Decode,
  base64Encode,
  bytesEqual,
  fromUtf8,
  pemBlocks,
  toArrayBuffer,
  toHex,
  toPem,
  utf8,
  type Bytes,
  type PemLabel,
} from './bytes.ts';
export {
  assertUsage,
  describeCertificate,
  KEY_USAGES,
  MIN_RSA_MODULUS_BITS,
  readCertificate,
  type CertificateInfo,
  type KeyUsageName,
  type PublicKeySummary,
  type SubjectFields,
} from './certificates.ts';
export { MAX_CMS_CONTENT_BYTES } from './cms.ts';
export * from './csr.ts';
export * from './decrypt.ts';
export * from './encrypt.ts';
export { pkiEngine, type WebCryptoKey, type WebCryptoKeyPair } from './engine.ts';
export {
  CRYPTO_ERROR_CATALOGUE,
  CRYPTO_ERROR_CODES,
  CryptoError,
  isCryptoError,
  isCryptoErrorCode,
  type CryptoErrorCode,
} from './errors.ts';
export * from './keys.ts';
export * from './mime.ts';
export * from './sign.ts';
export * from './smime.ts';
export * from './verify.ts';
