/**
 * The LDAP operations as ldapjs handlers: each reads the request into plain values, calls
 * LdapService, and turns whatever it throws into a result code (never an exception inside ldapjs).
 */
import type { Logger } from 'pino';
import { encodeSearchEntry } from './ber.ts';
import { isInternal, RESULT, toLdapOutcome } from './errors.ts';
import {
  ldapjs,
  readControls,
  toFilterNode,
  toModifications,
  toScope,
  type LdapjsConnection,
  type LdapjsHandler,
  type LdapjsRequest,
  type LdapjsResponse,
  type LdapjsServer,
} from './ldapjs.ts';
import type { SearchSink } from './search.ts';
import type { LdapService } from './service.ts';
import { ANONYMOUS, type LdapSession } from './session.ts';

const WHOAMI_OID = '1.3.6.1.4.1.4203.1.11.3';
/** Entries are written in chunks of about this size: fewer syscalls than one write per entry. */
const CHUNK_BYTES = 64 * 1024;

/** Streams encoded entries to the client, respecting backpressure so a slow reader costs no memory. */
function entryWriter(conn: LdapjsConnection, messageId: number): SearchSink & { flush(): Promise<void> } {
  let pending: Buffer[] = [];
  let size = 0;
  const flush = async () => {
    if (pending.length === 0 || conn.destroyed) return;
    const ok = conn.write(pending.length === 1 ? pending[0]! : Buffer.concat(pending));
    pending = [];
    size = 0;
    if (!ok && !conn.destroyed) {
      await new Promise<void>((resolve) => {
        conn.once('drain', resolve);
        conn.once('close', resolve);
      });
    }
  };
  return {
    get closed() {
      return conn.destroyed || conn.writableEnded;
    },
    async send(entry) {
      const encoded = encodeSearchEntry(messageId, entry.dn, entry.attributes);
      pending.push(encoded);
      size += encoded.length;
      if (size >= CHUNK_BYTES) await flush();
    },
    flush,
  };
}

function sessions() {
  const byConnection = new WeakMap<LdapjsConnection, LdapSession>();
  return {
    get(conn: LdapjsConnection): LdapSession {
      // ldapjs answers anonymous binds itself (never calling us) and then names the connection so.
      if (conn.ldap?.bindDN?.toString() === 'cn=anonymous') return ANONYMOUS;
      return byConnection.get(conn) ?? ANONYMOUS;
    },
    set(conn: LdapjsConnection, session: LdapSession): void {
      byConnection.set(conn, session);
    },
  };
}

export function mountHandlers(server: LdapjsServer, ldap: LdapService, logger: Logger): void {
  const state = sessions();

  /** Runs one operation; whatever it throws becomes a result code, never an exception in ldapjs. */
  const handler =
    <R extends LdapjsRequest>(
      run: (req: R, res: LdapjsResponse, session: LdapSession) => Promise<void>,
    ): LdapjsHandler<R> =>
    (req, res, next) => {
      const fail = (error: unknown) => {
        const outcome = toLdapOutcome(error);
        if (isInternal(error)) logger.error({ err: error }, 'LDAP operation failed');
        res.diagnosticMessage = outcome.message;
        res.end(outcome.code);
      };
      let session: LdapSession;
      try {
        session = state.get(req.connection);
      } catch (error) {
        fail(error);
        next();
        return;
      }
      run(req, res, session)
        .catch(fail)
        .finally(next)
        .catch(() => undefined);
    };

  const done = (res: LdapjsResponse) => res.end(RESULT.success);

  server.bind(
    '',
    handler(async (req, res) => {
      readControls(req.controls, false);
      state.set(req.connection, ANONYMOUS); // a failed bind leaves the connection anonymous (RFC 4511 §4.2.1)
      const address = req.connection.remoteAddress ?? 'unknown';
      state.set(req.connection, await ldap.bind(req.dn.toString(), req.credentials, address));
      done(res);
    }),
  );

  server.search(
    '',
    handler(async (req, res, session) => {
      const sink = entryWriter(req.connection, req.messageId);
      const outcome = await ldap.search(
        session,
        {
          base: req.baseObject.toString(),
          scope: toScope(req.scope),
          filter: toFilterNode(req.filter),
          attributes: req.attributes,
          typesOnly: req.typesOnly,
          sizeLimit: req.sizeLimit,
          paging: readControls(req.controls, true),
        },
        sink,
      );
      await sink.flush();
      if (outcome.cookie !== null) {
        res.addControl(new ldapjs.PagedResultsControl({ value: { size: 0, cookie: outcome.cookie } }));
      }
      res.diagnosticMessage = outcome.message;
      res.end(outcome.code);
    }),
  );

  server.compare(
    '',
    handler(async (req, res, session) => {
      readControls(req.controls, false);
      const equal = await ldap.compare(session, req.entry.toString(), req.attribute, req.value);
      res.end(equal ? RESULT.compareTrue : RESULT.compareFalse);
    }),
  );

  server.add(
    '',
    handler(async (req, res, session) => {
      readControls(req.controls, false);
      const attributes = req.attributes.map((a) => ({ type: a.type, values: [...a.values] }));
      await ldap.add(session, req.entry.toString(), attributes);
      done(res);
    }),
  );

  server.modify(
    '',
    handler(async (req, res, session) => {
      readControls(req.controls, false);
      await ldap.modify(session, req.object.toString(), toModifications(req.changes));
      done(res);
    }),
  );

  server.del(
    '',
    handler(async (req, res, session) => {
      readControls(req.controls, false);
      await ldap.delete(session, req.entry.toString());
      done(res);
    }),
  );

  server.modifyDN(
    '',
    handler((_req, res) => {
      res.diagnosticMessage =
        'renaming entries is not supported: delete the entry and add it under its new name';
      res.end(RESULT.unwillingToPerform);
      return Promise.resolve();
    }),
  );

  server.exop(
    WHOAMI_OID,
    handler((_req, res, session) => {
      res.responseValue = ldap.whoami(session);
      done(res);
      return Promise.resolve();
    }),
  );
}
