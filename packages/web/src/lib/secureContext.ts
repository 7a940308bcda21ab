/**
 * Whether this page may hold keys: WebCrypto's `subtle` exists only in a secure context (https, or
 * localhost), and the keys live in IndexedDB. Outside one, the keys page explains and refuses.
 */
export function canHoldKeys(): boolean {
  return (
    typeof window !== 'undefined' &&
    window.isSecureContext &&
    typeof globalThis.crypto?.subtle !== 'undefined' &&
    typeof indexedDB !== 'undefined'
  );
}
