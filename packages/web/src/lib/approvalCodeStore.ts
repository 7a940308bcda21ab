/**
 * The approval code of this browser, kept for the tab's lifetime (sessionStorage) so a reload still
 * shows it: the server hands it out once and stores only its hash. Keyed by device id, so a code from
 * an earlier registration is never shown for a newer one.
 */
const PREFIX = 'liaison.deviceApproval.';

export function rememberApprovalCode(deviceId: string, code: string): void {
  try {
    sessionStorage.setItem(PREFIX + deviceId, code);
  } catch {
    // Storage blocked: the code stays on screen until the next reload, which is still usable.
  }
}

export function recallApprovalCode(deviceId: string): string | null {
  try {
    return sessionStorage.getItem(PREFIX + deviceId);
  } catch {
    return null;
  }
}

/** Once approved (or replaced) the code is useless; do not leave it lying around. */
export function forgetApprovalCodes(): void {
  try {
    for (const key of Object.keys(sessionStorage)) {
      if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
    }
  } catch {
    // Nothing to clean when storage is blocked.
  }
}

/** "123456" or "123 456" → "123 456", the way the server prints it and people read it aloud. */
export function formatApprovalCode(code: string): string {
  const digits = code.replace(/\D/g, '');
  return digits.length === 6 ? `${digits.slice(0, 3)} ${digits.slice(3)}` : code.trim();
}

export const APPROVAL_CODE_PATTERN = /^[0-9]{3}\s?[0-9]{3}$/;
