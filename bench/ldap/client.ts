/**
 * The one LDAP client the benchmark uses against both servers: ldapjs 3 (the library Liaison's server
 * is built on), anonymous, plain LDAP on the loopback interface.
 */
import ldap from 'ldapjs';

export type LdapClient = ldap.Client;
export type LdapEntry = ldap.SearchEntry;
export type LdapFilter = ldap.Filter;

/**
 * Filters are built as objects, not parsed from strings: ldapjs 3's string parser (@ldapjs/filter
 * parseString) keeps non-ASCII characters of a substring assertion in their escaped form, so
 * `(cn=Chéla*)` goes on the wire as the literal text `Ch\c3\a9la` and matches nothing, on any server.
 * Equality assertions parse correctly, but are built the same way for symmetry.
 */
export function equalityFilter(attribute: string, value: string): LdapFilter {
  return new ldap.EqualityFilter({ attribute, value });
}

export function prefixFilter(attribute: string, initial: string): LdapFilter {
  return new ldap.SubstringFilter({ attribute, initial });
}

/** RFC 4511 sizeLimitExceeded: the entries asked for arrived, there were more. Not a failure here. */
const SIZE_LIMIT_EXCEEDED = 4;

/** Opens one connection; resolves once the TCP connection is up. Errors later go to `onError`. */
export function connect(url: string, onError: (err: Error) => void): Promise<LdapClient> {
  return new Promise((resolve, reject) => {
    const client = ldap.createClient({ url, connectTimeout: 5000, reconnect: false });
    client.on('error', onError);
    client.once('connectError', (err: Error) => {
      client.destroy();
      reject(err);
    });
    client.once('connect', () => resolve(client));
  });
}

export function close(client: LdapClient): void {
  client.destroy();
}

export interface SearchRequest {
  base: string;
  filter: string | LdapFilter;
  scope: 'base' | 'one' | 'sub';
  attributes: string[];
  sizeLimit: number;
  /** Page size for the paged results control; none when absent. */
  pageSize?: number;
}

/** One search; resolves with the number of entries received (a size limit reached is a success). */
export function search(
  client: LdapClient,
  request: SearchRequest,
  onEntry?: (entry: LdapEntry) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const options: ldap.SearchOptions = {
      scope: request.scope,
      filter: request.filter,
      attributes: request.attributes,
      sizeLimit: request.sizeLimit,
      ...(request.pageSize !== undefined && { paged: { pageSize: request.pageSize } }),
    };
    client.search(request.base, options, (err, res) => {
      if (err) {
        reject(asError(err));
        return;
      }
      let received = 0;
      res.on('searchEntry', (entry) => {
        received += 1;
        onEntry?.(entry);
      });
      res.on('error', (error) => {
        if ((error as { code?: unknown }).code === SIZE_LIMIT_EXCEEDED) resolve(received);
        else reject(asError(error));
      });
      res.on('end', () => resolve(received));
    });
  });
}

/** ldapjs hands some failures over as result messages, not Errors. */
function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(typeof err === 'string' ? err : JSON.stringify(err));
}

/** RFC 4515 escaping of an assertion value. */
export function escapeFilterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
