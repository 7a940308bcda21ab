/**
 * Simple paged results (RFC 2696, control 1.2.840.113556.1.4.319); ldapjs v3 leaves it to servers.
 *
 * The cookie is a position, not server state: which part of the tree the scan had reached and the
 * last key sent, plus a digest of the search it belongs to. Any node of a cluster can serve the next
 * page, nothing is held in memory between pages, and an abandoned walk costs nothing. A forged cookie
 * can only move the position: every page re-applies visibility and the filter.
 */
import { createHash } from 'node:crypto';
import { LdapFailure, RESULT } from './errors.ts';

export const PAGED_RESULTS_OID = '1.2.840.113556.1.4.319';

/** Where a scan stands: phase 0 the fixed top of the tree, 1 establishments, 2 entries. */
export interface ScanPosition {
  phase: 0 | 1 | 2;
  /** Last key sent in that phase (index, FINESS or entry id); null to start the phase. */
  key: string | null;
}

export interface PagingRequest {
  size: number;
  cookie: Buffer;
}

/** Binds a cookie to its search: reusing it with another filter, base or identity is refused. */
export function searchDigest(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 16);
}

export function encodeCookie(position: ScanPosition, digest: string): Buffer {
  return Buffer.from(JSON.stringify({ p: position.phase, k: position.key, d: digest }), 'utf8');
}

export function decodeCookie(cookie: Buffer, digest: string): ScanPosition | null {
  if (cookie.length === 0) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(cookie.toString('utf8'));
  } catch {
    parsed = null;
  }
  const value = parsed as { p?: unknown; k?: unknown; d?: unknown } | null;
  if (
    value === null ||
    typeof value !== 'object' ||
    (value.p !== 0 && value.p !== 1 && value.p !== 2) ||
    (value.k !== null && typeof value.k !== 'string')
  ) {
    throw new LdapFailure(RESULT.unwillingToPerform, 'paged results: the cookie is not one of ours');
  }
  if (value.d !== digest) {
    throw new LdapFailure(
      RESULT.unwillingToPerform,
      'paged results: the cookie belongs to another search (same base, scope, filter and bind needed)',
    );
  }
  return { phase: value.p, key: value.k };
}
