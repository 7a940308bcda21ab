/**
 * Distinguished names (RFC 4514) and the shape of Liaison's tree. Parsed here, not with ldapjs's DN
 * class, so the adapter can be replaced and so matching follows the attributes' real rules: every
 * naming attribute we use (dc, ou, uid, cn) compares case-insensitively, which ldapjs does not do.
 *
 *   <base>                                         dcObject (e.g. dc=liaison,dc=example,dc=fr)
 *   ou=establishments,<base>                       organizationalUnit
 *   ou=<FINESS>,ou=establishments,<base>           one per establishment with a FINESS
 *   uid=<rdn>,ou=<FINESS>,ou=establishments,<base> directory entries (inetOrgPerson)
 *   cn=admin,ou=<FINESS>,ou=establishments,<base>  the establishment's bind identity (not an entry)
 */
import { LdapFailure, RESULT } from './errors.ts';

export interface Rdn {
  /** Attribute type, lower-cased. */
  type: string;
  /** Unescaped value. */
  value: string;
}

const TYPE = /^(?:[a-zA-Z][a-zA-Z0-9-]*|[0-9]+(?:\.[0-9]+)+)$/;

function invalid(text: string, why: string): never {
  throw new LdapFailure(RESULT.invalidDNSyntax, `invalid DN "${text}": ${why}`);
}

/** Unescapes one RDN value: `\,` and friends, and `\c3\a9` byte pairs (decoded as UTF-8). */
function unescapeValue(raw: string, dn: string): string {
  if (raw.startsWith('#')) invalid(dn, 'BER-encoded (#…) values are not supported');
  const bytes: number[] = [];
  const text = Buffer.from(raw, 'utf8');
  for (let i = 0; i < text.length; i++) {
    const byte = text[i]!;
    if (byte !== 0x5c) {
      bytes.push(byte);
      continue;
    }
    const next = text.subarray(i + 1, i + 3).toString('latin1');
    if (/^[0-9a-fA-F]{2}$/.test(next)) {
      bytes.push(parseInt(next, 16));
      i += 2;
    } else if (i + 1 < text.length) {
      bytes.push(text[i + 1]!);
      i += 1;
    } else {
      invalid(dn, 'dangling backslash');
    }
  }
  return Buffer.from(bytes).toString('utf8').trim();
}

/** Splits on `sep` where it is not escaped by a backslash. */
function splitUnescaped(text: string, sep: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[i + 1]!;
      i += 1;
    } else if (c === sep) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/**
 * Parses a DN string into its RDNs, leaf first. Multi-valued RDNs (`uid=a+cn=b`) are refused: nothing in
 * Liaison's tree is named that way, and accepting them would make two spellings of one name.
 */
export function parseDn(text: string): Rdn[] {
  if (text.trim() === '') return [];
  return splitUnescaped(text, ',').map((part) => {
    if (splitUnescaped(part, '+').length > 1) invalid(text, 'multi-valued RDNs are not supported');
    const eq = part.indexOf('=');
    if (eq < 0) invalid(text, `"${part.trim()}" has no "="`);
    const type = part.slice(0, eq).trim();
    if (!TYPE.test(type)) invalid(text, `"${type}" is not an attribute type`);
    const value = unescapeValue(part.slice(eq + 1).trim(), text);
    if (value === '') invalid(text, `${type} has an empty value`);
    return { type: type.toLowerCase(), value };
  });
}

/** RFC 4514 escaping of one value. */
export function escapeDnValue(value: string): string {
  return value
    .replace(/[\\,+"<>;=]/g, (c) => `\\${c}`)
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, '\\ ');
}

export function formatDn(rdns: readonly Rdn[]): string {
  return rdns.map((r) => `${r.type}=${escapeDnValue(r.value)}`).join(',');
}

function sameRdn(a: Rdn, b: Rdn): boolean {
  return a.type === b.type && a.value.toLowerCase() === b.value.toLowerCase();
}

export type Location =
  | { kind: 'root' }
  | { kind: 'base' }
  | { kind: 'establishments' }
  | { kind: 'establishment'; finess: string }
  | { kind: 'entry'; finess: string; rdn: Rdn }
  | { kind: 'admin'; finess: string }
  /** Under the base but not a name this tree can hold (a wrong RDN type, too deep…). */
  | { kind: 'invalid'; finess: string | null; why: string }
  | { kind: 'outside' };

/** The one place that knows how Liaison's tree is laid out under its base DN. */
export class DirectoryTree {
  readonly base: readonly Rdn[];
  readonly baseDn: string;

  constructor(baseDn: string) {
    this.base = parseDn(baseDn);
    this.baseDn = formatDn(this.base);
  }

  get establishmentsDn(): string {
    return `ou=establishments,${this.baseDn}`;
  }

  establishmentDn(finess: string): string {
    return `ou=${escapeDnValue(finess)},${this.establishmentsDn}`;
  }

  adminDn(finess: string): string {
    return `cn=admin,${this.establishmentDn(finess)}`;
  }

  entryDn(finess: string, uid: string): string {
    return `uid=${escapeDnValue(uid)},${this.establishmentDn(finess)}`;
  }

  locate(text: string): Location {
    const rdns = parseDn(text);
    if (rdns.length === 0) return { kind: 'root' };
    const depth = rdns.length - this.base.length;
    if (depth < 0) return { kind: 'outside' };
    const tail = rdns.slice(depth);
    if (!tail.every((r, i) => sameRdn(r, this.base[i]!))) return { kind: 'outside' };
    if (depth === 0) return { kind: 'base' };
    const branch = rdns[depth - 1]!;
    if (!sameRdn(branch, { type: 'ou', value: 'establishments' })) {
      return { kind: 'invalid', finess: null, why: 'the tree holds only ou=establishments' };
    }
    if (depth === 1) return { kind: 'establishments' };
    const ou = rdns[depth - 2]!;
    if (ou.type !== 'ou')
      return { kind: 'invalid', finess: null, why: 'establishments are named ou=<FINESS>' };
    const finess = ou.value.toUpperCase();
    if (depth === 2) return { kind: 'establishment', finess };
    if (depth > 3) return { kind: 'invalid', finess, why: 'entries sit directly under their establishment' };
    const leaf = rdns[0]!;
    if (sameRdn(leaf, { type: 'cn', value: 'admin' })) return { kind: 'admin', finess };
    if (leaf.type !== 'uid' && leaf.type !== 'userid') {
      return { kind: 'invalid', finess, why: 'entries are named uid=<identifier>' };
    }
    return { kind: 'entry', finess, rdn: { type: 'uid', value: leaf.value } };
  }
}

/** `dc=` parts of a domain name: liaison.example.fr → dc=liaison,dc=example,dc=fr. */
export function baseDnForDomain(domain: string): string {
  return domain
    .split('.')
    .filter((label) => label !== '')
    .map((label) => `dc=${escapeDnValue(label)}`)
    .join(',');
}
