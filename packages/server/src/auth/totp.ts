import { generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 TOTP as authenticator apps expect it: SHA-1, 6 digits, 30 s. */
export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: 'Liaison', label: account, secret });
}

/**
 * Accepts the current step and one step either side (phone clocks drift), and never a step already
 * used (replay): returns the matched step to remember, or null.
 */
export async function checkTotp(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
