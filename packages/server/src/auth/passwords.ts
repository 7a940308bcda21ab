import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** OWASP's Argon2id baseline (19 MiB, 2 passes): slow for an attacker, fine for a 2-core node. */
// `2` is Algorithm.Argon2id: the const enum cannot be imported as a value under verbatimModuleSyntax.
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * A fixed hash to verify against when the account does not exist, so "unknown email" and "wrong
 * password" take the same time.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('liaison-decoy-password-never-valid');
  return decoy;
}
