import { SecretBox } from '../auth/secretBox.ts';
import type { AuthorityRole } from './ca.ts';
import { SIGNING_ALGORITHM, type CryptoKey } from './x509.ts';

/**
 * CA private keys at rest: PKCS#8 sealed with AES-256-GCM under a key derived from the instance
 * secret, so a database dump alone yields no CA key. Root and issuing keys use different derived keys
 * (distinct purposes): code that opens issuing keys to certify users cannot open the root key by
 * mistake, and the root key is opened only to sign the root CRL.
 */
export class CaKeyVault {
  private readonly boxes: Record<AuthorityRole, SecretBox>;

  constructor(instanceSecret: string) {
    this.boxes = {
      root: new SecretBox(instanceSecret, 'pki root ca key'),
      issuing: new SecretBox(instanceSecret, 'pki issuing ca key'),
    };
  }

  seal(role: AuthorityRole, pkcs8: ArrayBuffer): string {
    return this.boxes[role].seal(Buffer.from(pkcs8).toString('base64'));
  }

  /** A non-extractable signing key; throws when the instance secret is not the one that sealed it. */
  async open(role: AuthorityRole, sealed: string): Promise<CryptoKey> {
    let pkcs8: Buffer;
    try {
      pkcs8 = Buffer.from(this.boxes[role].open(sealed), 'base64');
    } catch (err) {
      throw new Error(
        `the ${role} CA key cannot be opened: LIAISON_SECRET is not the secret it was sealed with`,
        { cause: err },
      );
    }
    try {
      return await crypto.subtle.importKey('pkcs8', pkcs8, SIGNING_ALGORITHM, false, ['sign']);
    } finally {
      pkcs8.fill(0);
    }
  }
}
