/**
 * Checks a certificate the server hands out (a recipient's, or one just issued to us) against the
 * instance's CA chain kept in the keystore: the server relays certificates but must not be able to
 * slip in one of its own making, so each must chain to the CA the keystore pinned at init/restore,
 * be valid now, and name the address it is used for.
 */
import { X509Certificate } from 'node:crypto';
import { pemBlocks, readCertificate } from '@liaison/core/crypto/index';
import { CliFailure } from './failure.ts';

function certificatesOf(pem: string): X509Certificate[] {
  return pemBlocks(pem, 'CERTIFICATE').map((der) => new X509Certificate(der));
}

/** Issuing CA certificates of a chain file (the ones that are not self-signed), as PEM. */
export function intermediatesPem(chainPem: string): string {
  return certificatesOf(chainPem)
    .filter((c) => c.subject !== c.issuer)
    .map((c) => c.toString())
    .join('');
}

/**
 * Throws CERT_UNTRUSTED unless `certificatePem` chains to a self-signed certificate of `chainPem`,
 * every certificate on the way valid at `at` (null: any time, for the old keys of a history).
 */
export function checkChainsTo(
  certificatePem: string,
  chainPem: string,
  what: string,
  at: Date | null = new Date(),
): void {
  const [leaf] = certificatesOf(certificatePem);
  if (!leaf) throw new CliFailure('CERT_MALFORMED', `${what}: no certificate`);
  const pool = certificatesOf(chainPem);
  const validNow = (c: X509Certificate) =>
    at === null || (new Date(c.validFrom) <= at && at <= new Date(c.validTo));
  let current = leaf;
  for (let depth = 0; depth < 5; depth++) {
    if (!validNow(current)) {
      throw new CliFailure(
        'CERT_UNTRUSTED',
        `${what}: ${current.subject.replace(/\n/g, ', ')} is not valid now`,
      );
    }
    const issuer = pool.find((c) => current.checkIssued(c) && current.verify(c.publicKey));
    if (!issuer) break;
    if (issuer.subject === issuer.issuer && issuer.verify(issuer.publicKey)) {
      if (!validNow(issuer)) throw new CliFailure('CERT_UNTRUSTED', `${what}: the root CA is not valid now`);
      return;
    }
    current = issuer;
  }
  throw new CliFailure('CERT_UNTRUSTED', `${what}: does not chain to the instance's certificate authority`);
}

/** A recipient's encryption certificate fetched for `address`: ours to trust only if the CA says so. */
export function checkRecipientCertificate(certificatePem: string, address: string, chainPem: string): void {
  checkChainsTo(certificatePem, chainPem, `certificate for ${address}`);
  const info = readCertificate(certificatePem);
  if (!info.emails.includes(address.toLowerCase())) {
    throw new CliFailure(
      'CERT_WRONG_ADDRESS',
      `the certificate served for ${address} names ${info.emails.join(', ') || 'no address'}`,
    );
  }
}
