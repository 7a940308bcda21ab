/**
 * The attribute types this directory serves, how their values compare, and their other names. One
 * table for reads (selection, filters) and writes (what an `add`/`modify` may carry).
 */

/** `text`: case-, accent- and space-insensitive; `time`: GeneralizedTime; `binary`: presence only. */
export type MatchKind = 'text' | 'time' | 'binary';

export interface AttributeType {
  /** How the attribute is spelt in answers. */
  name: string;
  match: MatchKind;
  /** Returned for `+` or when named, never for `*` (RFC 3673). */
  operational?: true;
  /** Transferred with the `;binary` option (certificates). */
  binary?: true;
  aliases?: string[];
}

const TYPES: AttributeType[] = [
  { name: 'objectClass', match: 'text' },
  { name: 'uid', match: 'text', aliases: ['userid'] },
  { name: 'cn', match: 'text', aliases: ['commonname'] },
  { name: 'sn', match: 'text', aliases: ['surname'] },
  { name: 'givenName', match: 'text', aliases: ['gn'] },
  { name: 'displayName', match: 'text' },
  { name: 'mail', match: 'text', aliases: ['rfc822mailbox'] },
  { name: 'o', match: 'text', aliases: ['organizationname'] },
  { name: 'ou', match: 'text', aliases: ['organizationalunitname'] },
  { name: 'departmentNumber', match: 'text' },
  { name: 'title', match: 'text' },
  { name: 'employeeType', match: 'text' },
  { name: 'businessCategory', match: 'text' },
  { name: 'employeeNumber', match: 'text' },
  { name: 'description', match: 'text' },
  { name: 'l', match: 'text', aliases: ['localityname'] },
  { name: 'dc', match: 'text', aliases: ['domaincomponent'] },
  { name: 'userCertificate', match: 'binary', binary: true },
  { name: 'userSMIMECertificate', match: 'binary', binary: true },
  { name: 'createTimestamp', match: 'time', operational: true },
  { name: 'modifyTimestamp', match: 'time', operational: true },
  { name: 'entryUUID', match: 'text', operational: true },
  { name: 'liaisonStatus', match: 'text', operational: true },
  { name: 'liaisonPendingChange', match: 'text', operational: true },
  // Root DSE (RFC 4512 §5.1).
  { name: 'namingContexts', match: 'text' },
  { name: 'supportedLDAPVersion', match: 'text' },
  { name: 'supportedControl', match: 'text' },
  { name: 'supportedExtension', match: 'text' },
  { name: 'vendorName', match: 'text' },
];

const BY_NAME = new Map<string, AttributeType>();
for (const type of TYPES) {
  BY_NAME.set(type.name.toLowerCase(), type);
  for (const alias of type.aliases ?? []) BY_NAME.set(alias, type);
}

/** The type a client means by `name` (any case, alias, or `;binary`-style option), or undefined. */
export function attributeType(name: string): AttributeType | undefined {
  return BY_NAME.get(name.split(';')[0]!.toLowerCase());
}

/** The key attribute sets are indexed by: the canonical name, lower-cased. */
export function attributeKey(name: string): string {
  return (attributeType(name)?.name ?? name.split(';')[0]!).toLowerCase();
}

/** The name an attribute is answered with (certificates carry `;binary`, RFC 4522). */
export function answerName(type: AttributeType): string {
  return type.binary ? `${type.name};binary` : type.name;
}

/**
 * Text as the `text` matching rule compares it: lower case, accents stripped, spaces collapsed, so
 * `(sn=lefevre)` finds Lefèvre the way a French user expects (caseIgnoreMatch, more forgiving).
 */
export function normaliseText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** ISO-8601 (how Liaison stores time) to LDAP GeneralizedTime, second precision: 20261129101500Z. */
export function generalizedTime(isoTime: string): string {
  return `${isoTime.slice(0, 19).replace(/[-:T]/g, '')}Z`;
}

/**
 * GeneralizedTime (RFC 4517 §3.3.13) to milliseconds since the epoch, or null when malformed.
 * Accepts minutes-only values, fractions and offsets, as clients send them in `>=` filters.
 */
export function parseGeneralizedTime(value: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{2}(?:\d{2})?)$/.exec(
    value.trim(),
  );
  if (m === null) return null;
  const [, y, mo, d, h, mi = '00', s = '00', frac = '0', zone] = m;
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (Number.isNaN(utc)) return null;
  if (zone === 'Z' || zone === undefined) return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const offset = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5) || '0');
  return utc - sign * offset * 60_000;
}
