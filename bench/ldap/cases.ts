/**
 * The searches bench/ldap runs (equality on sn, initial substring on cn, equality on mail) and the
 * check that both servers answer a sample of them with the same entries.
 */
import { normaliseText } from '../../packages/server/src/ldap/schema.ts';
import { pick, type Rng } from '../../packages/core/src/synthetic/rng.ts';
import {
  close,
  connect,
  equalityFilter,
  escapeFilterValue,
  prefixFilter,
  search,
  type LdapClient,
  type LdapEntry,
  type LdapFilter,
} from './client.ts';

export const BASE_DN = 'dc=liaison,dc=bench,dc=test';
const CHECK_SIZE_LIMIT = 500;
const CHECK_QUERIES = 40;

export interface Seeded {
  surnames: string[];
  addresses: string[];
  seconds: number;
}

export const dnOf = (entry: LdapEntry): string => String(entry.objectName ?? '');

export interface Case {
  name: string;
  attribute: 'sn' | 'cn' | 'mail';
  /** Equality or initial substring. */
  prefix: boolean;
  values: string[];
}

/** The filter as text, for messages. */
const filterOf = (c: Case, value: string) =>
  `(${c.attribute}=${escapeFilterValue(value)}${c.prefix ? '*' : ''})`;

/** The filter as sent (see client.ts: built, not parsed, so accents reach the server intact). */
export const filterFor = (c: Case, value: string): LdapFilter =>
  c.prefix ? prefixFilter(c.attribute, value) : equalityFilter(c.attribute, value);

export function cases(seeded: Seeded, rng: Rng): Case[] {
  const n = 2000;
  const some = <T>(list: T[]) => Array.from({ length: n }, () => pick(rng, list));
  return [
    { name: 'equality (sn=<surname>)', attribute: 'sn', prefix: false, values: some(seeded.surnames) },
    {
      name: 'substring (cn=<5 letters>*)',
      attribute: 'cn',
      prefix: true,
      values: some(seeded.surnames).map((s) => Array.from(s).slice(0, 5).join('')),
    },
    { name: 'equality (mail=<address>)', attribute: 'mail', prefix: false, values: some(seeded.addresses) },
  ];
}

interface Answer {
  dns: Map<string, string[]>;
}

async function answer(client: LdapClient, c: Case, value: string): Promise<Answer> {
  const dns = new Map<string, string[]>();
  await search(
    client,
    {
      base: BASE_DN,
      scope: 'sub',
      filter: filterFor(c, value),
      attributes: ['sn', 'cn', 'mail'],
      sizeLimit: CHECK_SIZE_LIMIT,
    },
    (entry: LdapEntry) => {
      const attribute = entry.attributes.find((a) => a.type.toLowerCase() === c.attribute);
      const values = (attribute?.buffers ?? []).map((v) => v.toString('utf8'));
      dns.set(dnOf(entry).toLowerCase().replace(/\s+/g, ''), values);
    },
  );
  return { dns };
}

/** caseIgnoreMatch as slapd applies it to these values: case and repeated spaces, not accents. */
const caseIgnore = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

function matchesUnder(norm: (s: string) => string, c: Case, value: string, asserted: string): boolean {
  return c.prefix ? norm(value).startsWith(norm(asserted)) : norm(value) === norm(asserted);
}

const ascii = (s: string) => /^[\x20-\x7e]*$/.test(s);

/**
 * The same sample of queries on both servers, complete answers (size limit 500): half of them with
 * plain ASCII values, half with accented ones when the case has any. A DN only Liaison returns whose
 * value matches once accents are folded, and not without, is Liaison's documented accent-insensitive
 * matching ((sn=lefevre) finds Lefèvre); any other difference is a finding, printed as a WARNING.
 */
export async function check(liaisonUrl: string, slapdUrl: string, c: Case): Promise<string> {
  const [a, b] = await Promise.all([
    connect(liaisonUrl, () => undefined),
    connect(slapdUrl, () => undefined),
  ]);
  try {
    const unique = [...new Set(c.values)];
    const accented = unique.filter((v) => !ascii(v)).slice(0, CHECK_QUERIES / 2);
    const sample = [...unique.filter(ascii).slice(0, CHECK_QUERIES - accented.length), ...accented];
    let same = 0;
    let folded = 0;
    const missed: string[] = [];
    const other: string[] = [];
    for (const value of sample) {
      const [fromLiaison, fromSlapd] = await Promise.all([answer(a, c, value), answer(b, c, value)]);
      const onlyLiaison = [...fromLiaison.dns].filter(([dn]) => !fromSlapd.dns.has(dn));
      const onlySlapd = [...fromSlapd.dns].filter(([dn]) => !fromLiaison.dns.has(dn));
      if (onlyLiaison.length === 0 && onlySlapd.length === 0) {
        same += 1;
        continue;
      }
      const accentOnly =
        onlySlapd.length === 0 &&
        onlyLiaison.every(
          ([, values]) =>
            values.some((v) => matchesUnder(normaliseText, c, v, value)) &&
            !values.some((v) => matchesUnder(caseIgnore, c, v, value)),
        );
      const difference =
        `${filterOf(c, value)}: Liaison ${fromLiaison.dns.size}, slapd ${fromSlapd.dns.size} entries` +
        (onlyLiaison[0] ? `, only Liaison: ${onlyLiaison[0][1].join('/')}` : '') +
        (onlySlapd[0] ? `, only slapd: ${onlySlapd[0][1].join('/')}` : '');
      if (accentOnly) folded += 1;
      else if (fromLiaison.dns.size === 0) missed.push(difference);
      else other.push(difference);
    }
    let line =
      `${same}/${sample.length} sample queries (${accented.length} with accented values) return the same DNs` +
      (folded > 0 ? `; ${folded} differ only by Liaison's accent folding (documented)` : '');
    if (missed.length > 0) {
      const nonAscii = missed.filter((m) => !ascii(m.slice(0, m.indexOf(')')))).length;
      line +=
        `; WARNING: ${missed.length} answered with no entry by Liaison but not by slapd ` +
        `(${nonAscii} of them with a non-ASCII value), e.g. ${missed[0]}`;
    }
    if (other.length > 0) line += `; WARNING: ${other.length} differ otherwise, e.g. ${other[0]}`;
    return line;
  } finally {
    close(a);
    close(b);
  }
}
