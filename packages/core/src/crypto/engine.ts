/**
 * The one place the core reaches for WebCrypto: `globalThis.crypto` in the browser and in Node alike
 * (no `node:` import), and the PKI.js engine built on it. PKI.js keeps a module-global engine for the
 * code paths that do not take one as an argument; we set it once, to the same object we pass around.
 */
import * as pkijs from 'pkijs';
import { CryptoError } from './errors.ts';

/**
 * WebCrypto types taken from the runtime's own `crypto` global, so this compiles both with Node's types
 * (packages/core, server, CLI) and with the DOM library (the web app), without depending on either.
 */
export type WebCrypto = typeof globalThis.crypto;
export type Subtle = WebCrypto['subtle'];
export type WebCryptoKey = Awaited<ReturnType<Subtle['importKey']>>;
export interface WebCryptoKeyPair {
  publicKey: WebCryptoKey;
  privateKey: WebCryptoKey;
}

const ENGINE_NAME = 'liaison-webcrypto';
let engine: pkijs.ICryptoEngine | undefined;

function webCrypto(): WebCrypto {
  // A browser page served over plain http has `crypto` but no `crypto.subtle`.
  const candidate = (globalThis as { crypto?: WebCrypto }).crypto;
  if (!candidate?.subtle) {
    throw new CryptoError('CRYPTO_UNAVAILABLE', 'globalThis.crypto.subtle is missing');
  }
  return candidate;
}

/** The PKI.js engine over WebCrypto (created and installed globally on first use). */
export function pkiEngine(): pkijs.ICryptoEngine {
  if (!engine) {
    engine = new pkijs.CryptoEngine({ name: ENGINE_NAME, crypto: webCrypto() });
    pkijs.setEngine(ENGINE_NAME, engine);
  }
  return engine;
}

export function subtle(): Subtle {
  pkiEngine();
  return webCrypto().subtle;
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  webCrypto().getRandomValues(out);
  return out;
}
