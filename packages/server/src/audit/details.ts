/**
 * Key names that only ever hold a secret. The audit log is append-only and kept for years, so a secret
 * written there can never be taken back: refuse it loudly at the call site instead. A guard on names
 * is a seatbelt, not a proof; callers still must not put secrets, passwords, tokens, message content
 * or patient identity under any name.
 */
const SECRET_KEYS = new Set([
  'password',
  'newpassword',
  'oldpassword',
  'currentpassword',
  'passphrase',
  'secret',
  'token',
  'accesstoken',
  'refreshtoken',
  'sessiontoken',
  'privatekey',
  'totpsecret',
  'totp',
  'otp',
  'totpcode',
  'recoverycode',
]);

export function assertNoSecretKeys(value: unknown, path = 'details'): void {
  if (value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if (SECRET_KEYS.has(key.toLowerCase().replace(/[-_]/g, ''))) {
      throw new Error(`audit ${path}.${key}: secrets must never be written to the audit log`);
    }
    assertNoSecretKeys(inner, `${path}.${key}`);
  }
}
