/**
 * Refusals of the network and key commands (keys, smime): one line `CODE: message` on stderr and an
 * exit code scripts can branch on. Kept apart from context.ts, which loads the whole server.
 *
 * Exit codes: 0 done, 1 refused or failed (the code says why), 3 this device waits for approval.
 */
export const EXIT_FAILED = 1;
export const EXIT_PENDING_APPROVAL = 3;

export class CliFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: number = EXIT_FAILED,
    /** Extra lines printed after the error line (what to do next). */
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Anything with a stable upper-case `code` (CliFailure, ApiError, CryptoError) prints as `CODE: message`. */
export function reportFailure(err: unknown): void {
  const e = err as { code?: unknown; message?: string; exitCode?: number; hint?: string };
  if (typeof e.code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(e.code)) {
    process.stderr.write(`${e.code}: ${e.message ?? ''}\n`);
    if (e.hint) process.stderr.write(`${e.hint}\n`);
    process.exitCode = typeof e.exitCode === 'number' ? e.exitCode : EXIT_FAILED;
    return;
  }
  process.stderr.write(`error: ${e.message ?? String(err)}\n`);
  process.exitCode = EXIT_FAILED;
}

/** Wraps a command action so a refusal becomes one line and an exit code, never a stack trace. */
export function action<A extends unknown[]>(
  fn: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      reportFailure(err);
    }
  };
}
