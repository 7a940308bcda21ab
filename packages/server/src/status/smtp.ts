import { createTransport } from 'nodemailer';

/** A plain-text email as queued; never patient data (status alerts only). */
export interface PlainEmail {
  to: string;
  subject: string;
  text: string;
}

export interface Relay {
  /** host:port, safe to log and to store (no credentials). */
  readonly host: string;
  send(email: PlainEmail): Promise<void>;
  close(): void;
}

/**
 * Short on purpose: the job sends one email after another, and a relay that accepts connections but
 * never answers would otherwise hold the job for minutes (nodemailer's defaults are 2 and 10 minutes).
 */
const CONNECTION_TIMEOUT_MS = 5_000;
const GREETING_TIMEOUT_MS = 5_000;
const SOCKET_TIMEOUT_MS = 15_000;

/** Failures that say the relay itself is unusable, not this one message: no point trying the others now. */
const RELAY_DOWN_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EPROTOCOL',
  'EAUTH',
  'ENOAUTH',
  'EPROXY',
  'ECONFIG',
  'ECONNREFUSED',
]);

const MAX_ERROR_LENGTH = 200;

export function relayHost(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.port ? `${parsed.hostname}:${parsed.port}` : parsed.hostname;
  } catch {
    return 'invalid relay URL';
  }
}

/** The relay URL's user and password, so they can be cut out of any error text before it is kept. */
function credentials(url: string): string[] {
  try {
    const parsed = new URL(url);
    return [parsed.username, parsed.password, decodeURIComponent(parsed.password)].filter(
      (s) => s.length >= 3,
    );
  } catch {
    return [];
  }
}

export interface SendFailure {
  /** Short, one line, without credentials: stored in last_error and shown to technicians. */
  message: string;
  relayDown: boolean;
}

export function describeFailure(err: unknown, relayUrl: string): SendFailure {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  let message = err instanceof Error ? err.message : String(err);
  for (const secret of credentials(relayUrl)) message = message.split(secret).join('***');
  message = message.replace(/\s+/g, ' ').trim();
  if (code && !message.includes(code)) message = `${code}: ${message}`;
  if (message.length > MAX_ERROR_LENGTH) message = `${message.slice(0, MAX_ERROR_LENGTH - 1)}…`;
  return { message, relayDown: RELAY_DOWN_CODES.has(code) };
}

/** One transport per run of the job, closed at its end, so a relay restart is never met with a stale socket. */
export function openRelay(relayUrl: string, from: string): Relay {
  const transport = createTransport({
    url: relayUrl,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    // nodemailer logs nothing unless asked; keep it that way (it would log addresses and content).
    logger: false,
  });
  return {
    host: relayHost(relayUrl),
    async send(email) {
      await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text });
    },
    close() {
      transport.close();
    },
  };
}
