/**
 * The slice of ldapjs 3 this adapter touches, typed by hand: @types/ldapjs describes v2 and leaves
 * requests and responses as `any`. Everything ldapjs hands us is read through these shapes and turned
 * into plain values (DN strings, FilterNode, Modification) before the service sees it.
 */
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import type { Modification } from './entryInput.ts';
import { LdapFailure, RESULT } from './errors.ts';
import type { FilterNode } from './filters.ts';
import { PAGED_RESULTS_OID, type PagingRequest } from './paging.ts';

export interface LdapjsParser {
  /** Bytes of an incomplete message waiting for more. */
  buffer: Buffer | null;
  write(data: Buffer): unknown;
  on(event: 'error', listener: (err: Error, message?: unknown) => void): void;
  removeAllListeners(event: 'error'): void;
}

export interface LdapjsConnection extends Socket {
  ldap?: { bindDN?: { toString(): string } };
  /** Set by ldapjs for each connection; every received chunk goes through `write`. */
  parser?: LdapjsParser;
}

interface Stringable {
  toString(): string;
}

export interface LdapjsControl {
  type: string;
  criticality: boolean;
  value: unknown;
}

export interface LdapjsAttribute {
  type: string;
  values: string[];
}

export interface LdapjsRequest {
  messageId: number;
  connection: LdapjsConnection;
  controls: LdapjsControl[];
  dn: Stringable;
}

export interface LdapjsBindRequest extends LdapjsRequest {
  credentials: string;
}

export interface LdapjsSearchRequest extends LdapjsRequest {
  baseObject: Stringable;
  scope: number;
  filter: LdapjsFilter;
  attributes: string[];
  sizeLimit: number;
  typesOnly: boolean;
}

export interface LdapjsAddRequest extends LdapjsRequest {
  entry: Stringable;
  attributes: LdapjsAttribute[];
}

export interface LdapjsModifyRequest extends LdapjsRequest {
  object: Stringable;
  changes: { operation: string; modification: LdapjsAttribute }[];
}

export interface LdapjsEntryRequest extends LdapjsRequest {
  entry: Stringable;
}

export interface LdapjsCompareRequest extends LdapjsEntryRequest {
  attribute: string;
  value: string;
}

export interface LdapjsResponse {
  diagnosticMessage: string;
  responseValue?: string;
  end(status?: number): void;
  addControl(control: unknown): void;
}

export type LdapjsHandler<R> = (req: R, res: LdapjsResponse, next: () => void) => void;

export interface LdapjsServer {
  maxConnections: number;
  on(event: 'error' | 'clientError', listener: (err: Error) => void): void;
  once(event: 'error', listener: (err: Error) => void): void;
  removeListener(event: 'error', listener: (err: Error) => void): void;
  listen(port: number, host: string, callback: () => void): void;
  address(): { port: number } | string | null;
  close(callback: () => void): void;
  newConnection(conn: LdapjsConnection): void;
  bind(dn: string, handler: LdapjsHandler<LdapjsBindRequest>): void;
  search(dn: string, handler: LdapjsHandler<LdapjsSearchRequest>): void;
  add(dn: string, handler: LdapjsHandler<LdapjsAddRequest>): void;
  modify(dn: string, handler: LdapjsHandler<LdapjsModifyRequest>): void;
  del(dn: string, handler: LdapjsHandler<LdapjsEntryRequest>): void;
  modifyDN(dn: string, handler: LdapjsHandler<LdapjsEntryRequest>): void;
  compare(dn: string, handler: LdapjsHandler<LdapjsCompareRequest>): void;
  exop(oid: string, handler: LdapjsHandler<LdapjsRequest>): void;
}

export interface LdapjsLog {
  trace(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  child(): LdapjsLog;
}

interface LdapjsModule {
  createServer(options: {
    log: LdapjsLog;
    certificate?: string;
    key?: string;
    connectionRouter?: (conn: LdapjsConnection) => void;
  }): LdapjsServer;
  PagedResultsControl: new (options: { value: { size: number; cookie: Buffer } }) => unknown;
}

// ldapjs is CommonJS with v2-era typings: load it untyped and read it through the shape above.
export const ldapjs = createRequire(import.meta.url)('ldapjs') as LdapjsModule;

/** A filter as ldapjs parsed it (@ldapjs/filter classes, told apart by `type`). */
export interface LdapjsFilter {
  type: string;
  attribute?: string;
  value?: unknown;
  initial?: string;
  any?: string[];
  final?: string;
  filters?: LdapjsFilter[];
  filter?: LdapjsFilter;
}

/**
 * ldapjs 3's server turns a received filter into its string form (RFC 4515, non-ASCII bytes written
 * as `\xx`) and parses that again, leaving the escapes in the values: `Lefèvre` arrives as
 * `Lef\c3\a8vre`. Undo them (bytes, then UTF-8) so every value is the text the client sent.
 */
export function unescapeFilterValue(value: string): string {
  // Each run of escapes is one byte sequence: a UTF-8 character spans several.
  return value.replace(/(?:\\[0-9a-fA-F]{2})+/g, (run) =>
    Buffer.from(
      run
        .slice(1)
        .split('\\')
        .map((hex) => parseInt(hex, 16)),
    ).toString('utf8'),
  );
}

const text = (value: unknown): string =>
  Buffer.isBuffer(value)
    ? value.toString('utf8')
    : unescapeFilterValue(typeof value === 'string' ? value : String(value));
const optionalText = (value: string | undefined): string | null =>
  value ? unescapeFilterValue(value) : null;

export function toFilterNode(filter: LdapjsFilter): FilterNode {
  const attribute = filter.attribute ?? '';
  switch (filter.type) {
    case 'AndFilter':
    case 'OrFilter':
      return {
        kind: filter.type === 'AndFilter' ? 'and' : 'or',
        filters: (filter.filters ?? []).map(toFilterNode),
      };
    case 'NotFilter':
      return filter.filter === undefined
        ? { kind: 'unsupported' }
        : { kind: 'not', filter: toFilterNode(filter.filter) };
    case 'EqualityFilter':
      return { kind: 'equal', attribute, value: text(filter.value) };
    case 'ApproximateFilter':
      return { kind: 'approx', attribute, value: text(filter.value) };
    case 'GreaterThanEqualsFilter':
      return { kind: 'ge', attribute, value: text(filter.value) };
    case 'LessThanEqualsFilter':
      return { kind: 'le', attribute, value: text(filter.value) };
    case 'PresenceFilter':
      return { kind: 'present', attribute };
    case 'SubstringFilter':
      return {
        kind: 'substring',
        attribute,
        initial: optionalText(filter.initial),
        any: (filter.any ?? []).map(unescapeFilterValue),
        final: optionalText(filter.final),
      };
    default:
      return { kind: 'unsupported' };
  }
}

export function toScope(scope: number): 'base' | 'one' | 'sub' {
  if (scope === 0) return 'base';
  if (scope === 1) return 'one';
  if (scope === 2) return 'sub';
  throw new LdapFailure(RESULT.protocolError, `unknown search scope ${scope}`);
}

/** ManageDsaIT (ldapsearch -M) is harmless here: this tree has no referrals to manage. */
const UNDERSTOOD = new Set([PAGED_RESULTS_OID, '2.16.840.1.113730.3.4.2']);

/** The paged results request, if any; refuses critical controls we do not implement (RFC 4511 §4.1.11). */
export function readControls(controls: readonly LdapjsControl[], allowPaging: boolean): PagingRequest | null {
  let paging: PagingRequest | null = null;
  for (const control of controls) {
    const understood = UNDERSTOOD.has(control.type) && (allowPaging || control.type !== PAGED_RESULTS_OID);
    if (!understood) {
      if (control.criticality) {
        throw new LdapFailure(
          RESULT.unavailableCriticalExtension,
          `control ${control.type} is not supported`,
        );
      }
      continue;
    }
    if (control.type === PAGED_RESULTS_OID) {
      const value = control.value as { size?: unknown; cookie?: unknown } | null;
      const size = typeof value?.size === 'number' ? value.size : 0;
      const cookie = Buffer.isBuffer(value?.cookie) ? value.cookie : Buffer.alloc(0);
      paging = { size, cookie };
    }
  }
  return paging;
}

export function toModifications(changes: LdapjsModifyRequest['changes']): Modification[] {
  return changes.map((c) => {
    if (c.operation !== 'add' && c.operation !== 'delete' && c.operation !== 'replace') {
      throw new LdapFailure(RESULT.protocolError, `unknown modify operation ${c.operation}`);
    }
    return { operation: c.operation, type: c.modification.type, values: [...c.modification.values] };
  });
}
