/**
 * The LDAP listener: ldapjs on LDAPS (and, optionally, plain LDAP on 127.0.0.1 for local tools and
 * benchmarks), wired to LdapService. This is the only file that drives ldapjs's server; ldapjs is
 * decommissioned upstream, so everything else speaks plain values and can outlive it.
 *
 * Robustness: every handler catches its own failures and answers with a result code; parser and
 * socket errors are logged, never thrown; a client that disconnects mid-search stops the scan; idle
 * connections are closed; ldapjs's own debug logging (which would print bind passwords) is muted.
 */
import type { Logger } from 'pino';
import type { LdapConfig } from './config.ts';
import { mountHandlers } from './handlers.ts';
import { ldapjs, type LdapjsConnection, type LdapjsLog, type LdapjsServer } from './ldapjs.ts';
import { answerMalformed } from './malformed.ts';
import type { LdapService } from './service.ts';

const IDLE_TIMEOUT_MS = 5 * 60_000;
const MAX_CONNECTIONS = 1000;

export interface LdapListenOptions {
  /** LDAPS port (0 picks a free one); null for none. Defaults to config.ldap.port. */
  port?: number | null;
  /** Plain LDAP port on 127.0.0.1 (0 picks a free one); null for none. Defaults to config.ldap.plainPort. */
  plainPort?: number | null;
  /** Address LDAPS listens on (default: the HTTP listen address). */
  host?: string;
}

export interface LdapListener {
  /** ldaps://host:port, when LDAPS listens. */
  ldapsUrl: string | null;
  /** ldap://127.0.0.1:port, when plain LDAP listens. */
  plainUrl: string | null;
  stop(): Promise<void>;
}

interface ListenerDeps {
  ldap: LdapService;
  logger: Logger;
  config: { ldap: LdapConfig; tls: { cert: string; key: string } | null; http: { host: string } };
}

/** ldapjs logs whole requests at debug level, bind passwords included: keep only its warnings. */
function mutedLog(logger: Logger): LdapjsLog {
  const forward = (first: unknown, ...rest: unknown[]) => {
    const err = rest.find((r): r is Error => r instanceof Error);
    logger.debug({ ldapjs: typeof first === 'string' ? first : 'message', err: err?.message }, 'ldapjs');
  };
  const log: LdapjsLog = {
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: forward,
    error: forward,
    child: () => log,
  };
  return log;
}

/**
 * Guards ldapjs's per-connection parser. Its asserts can throw out of the socket's data handler, which
 * would take the whole process down: such a client is cut off instead. And a message it cannot decode
 * (a DN like "foo") is answered with invalidDNSyntax or protocolError rather than a dropped connection.
 */
function guardParser(conn: LdapjsConnection, logger: Logger): void {
  const parser = conn.parser;
  if (parser === undefined) return;
  let current: Buffer = Buffer.alloc(0);
  const write = parser.write.bind(parser);
  parser.write = (data: Buffer) => {
    current = parser.buffer === null ? data : Buffer.concat([parser.buffer, data]);
    try {
      return write(data);
    } catch (err) {
      logger.debug({ err: err instanceof Error ? err.message : 'unknown' }, 'LDAP: unparsable request');
      conn.destroy();
      return false;
    }
  };
  parser.removeAllListeners('error');
  parser.on('error', (err) => {
    const answer = answerMalformed(current, err);
    logger.debug({ err: err.message, answered: answer !== null }, 'LDAP: undecodable request');
    if (answer === null || conn.destroyed) {
      conn.destroy();
      return;
    }
    conn.write(answer.response);
    // Requests pipelined after the bad one still get their answers.
    if (answer.rest.length > 0) setImmediate(() => parser.write(answer.rest));
  });
}

function listen(server: LdapjsServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

function create(deps: ListenerDeps, tls: { cert: string; key: string } | null, open: Set<LdapjsConnection>) {
  const server: LdapjsServer = ldapjs.createServer({
    log: mutedLog(deps.logger),
    ...(tls === null ? {} : { certificate: tls.cert, key: tls.key }),
    connectionRouter: (conn) => {
      open.add(conn);
      conn.once('close', () => open.delete(conn));
      conn.setTimeout(IDLE_TIMEOUT_MS);
      // Answers end with a small SearchResultDone: without this, Nagle + delayed ACK stall each page ~40 ms.
      conn.setNoDelay(true);
      server.newConnection(conn);
      guardParser(conn, deps.logger);
    },
  });
  server.maxConnections = MAX_CONNECTIONS;
  // Parser errors (garbage on the wire) and socket errors are the client's problem, not a crash.
  server.on('error', (err) => deps.logger.debug({ err: err.message }, 'LDAP protocol error'));
  server.on('clientError', (err) => deps.logger.debug({ err: err.message }, 'LDAP client error'));
  mountHandlers(server, deps.ldap, deps.logger);
  return server;
}

/** Starts LDAPS and/or loopback plain LDAP as configured (or as overridden, e.g. port 0 in tests). */
export async function startLdapListener(
  deps: ListenerDeps,
  options: LdapListenOptions = {},
): Promise<LdapListener> {
  const ldapsPort = options.port === undefined ? deps.config.ldap.port : options.port;
  const plainPort = options.plainPort === undefined ? deps.config.ldap.plainPort : options.plainPort;
  const open = new Set<LdapjsConnection>();
  const servers: LdapjsServer[] = [];
  const stop = async () => {
    for (const conn of open) conn.destroy();
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  };
  try {
    let ldapsUrl: string | null = null;
    let plainUrl: string | null = null;
    if (ldapsPort !== null) {
      if (deps.config.tls === null) throw new Error('LDAPS needs LIAISON_TLS_CERT and LIAISON_TLS_KEY');
      const host = options.host ?? deps.config.http.host;
      const server = create(deps, deps.config.tls, open);
      servers.push(server);
      const port = await listen(server, ldapsPort, host);
      ldapsUrl = `ldaps://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;
    }
    if (plainPort !== null) {
      // Never on a public interface: a bind password must not cross a network in clear.
      const server = create(deps, null, open);
      servers.push(server);
      plainUrl = `ldap://127.0.0.1:${await listen(server, plainPort, '127.0.0.1')}`;
    }
    return { ldapsUrl, plainUrl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
