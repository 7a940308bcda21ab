import { createHash, randomBytes, randomInt } from 'node:crypto';

/** 256-bit random token for sessions and links; only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Recovery codes look like `k7m2-x9qa`: easy to read aloud, ~40 bits each, single use. */
export function newRecoveryCode(): string {
  const pick = () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)] ?? 'a';
  const part = () => Array.from({ length: 4 }, pick).join('');
  return `${part()}-${part()}`;
}
