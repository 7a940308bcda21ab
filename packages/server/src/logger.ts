import pino, { type Logger } from 'pino';
import type { Config } from './config/config.ts';

/**
 * Paths never written to logs: credentials, session tokens, and any body field that may carry
 * message content or patient identity. Request bodies are not logged at all; this is the second line.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.secret',
  '*.code',
  '*.privateKey',
  '*.body',
  '*.ciphertext',
  '*.patient',
];

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' } });
}

/** For console commands: warnings and errors only, on stderr, so stdout stays machine-readable. */
export function createConsoleLogger(): Logger {
  return pino({ level: 'warn', redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, pino.destination(2));
}
