import { buildConfig, readEnv } from '@liaison/server/config/index';
import { createContext, type AppContext } from '@liaison/server/context';
import { ConfigError } from '@liaison/server/errors';
import { createConsoleLogger } from '@liaison/server/logger';
import { ZodError } from 'zod';

/**
 * Console commands act directly on the configured database (same LIAISON_* variables as the
 * server), as the platform. Logs go to stderr so stdout stays parseable.
 */
export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = buildConfig(readEnv());
  const ctx = await createContext(config, { logger: createConsoleLogger() });
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

/** Prints a refusal as one line and sets the exit code, instead of a stack trace. */
export function reportError(err: unknown): void {
  if (err instanceof ConfigError) {
    process.stderr.write(`configuration error: ${err.message}\n`);
    process.exitCode = 78;
    return;
  }
  if (err instanceof ZodError) {
    const issues = err.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
    process.stderr.write(`VALIDATION_FAILED: ${issues}\n`);
    process.exitCode = 1;
    return;
  }
  const e = err as { code?: string; message?: string };
  if (e.code && typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code)) {
    process.stderr.write(`${e.code}: ${e.message ?? ''}\n`);
    process.exitCode = 1;
    return;
  }
  process.stderr.write(`error: ${e.message ?? String(err)}\n`);
  process.exitCode = 1;
}
