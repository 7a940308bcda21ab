import { generate } from 'otplib';

const PERIOD = 30;

/**
 * A TOTP code as the person's authenticator app would show it. The server refuses a code from a time
 * step it has already accepted (replay protection) and accepts one step of clock drift, so when the
 * current step was just used, the code of the next step is what a phone a little ahead would show.
 */
export async function totpCode(
  secret: string,
  lastUsedStep: number | null,
): Promise<{ code: string; step: number }> {
  const now = Math.floor(Date.now() / 1000 / PERIOD);
  const step = lastUsedStep !== null && now <= lastUsedStep ? lastUsedStep + 1 : now;
  const code = await generate({ secret, epoch: step * PERIOD });
  return { code, step };
}
