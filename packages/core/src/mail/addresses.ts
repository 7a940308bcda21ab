/**
 * Mailbox addresses in the protected headers. Liaison writes bare addr-specs (`a@b.fr, c@d.fr`): the
 * display names live in the directory, not in signed text that would then have to be trusted. Reading
 * accepts what clients write: display names, quoted strings, comments, groups.
 */
import { CryptoError } from '../crypto/errors.ts';
import { listHeader } from './headerText.ts';

/**
 * A dot-atom addr-spec without quoting or domain literals, in printable ASCII: the addresses Liaison
 * issues. The specials excluded are the ones that would change how an address list is read back.
 */
export function isPlainAddress(address: string): boolean {
  return /^[^@]+@[^@]+$/.test(address) && /^[!-~]+$/.test(address) && !/[()<>[\]\\,;:"]/.test(address);
}

/** Throws LETTER_MALFORMED naming the field, never the address (it is personal data). */
export function assertAddress(address: string, field: string): void {
  if (!isPlainAddress(address)) throw new CryptoError('LETTER_MALFORMED', `${field}: not a plain address`);
}

/** `Name: a@b, c@d`, folded between addresses. */
export function addressHeader(name: string, addresses: string[], field: string): string {
  for (const address of addresses) assertAddress(address, field);
  return listHeader(name, addresses, ', ');
}

/**
 * The addr-specs of an address list (RFC 5322 §3.4): `a@b`, `Name <a@b>`, `"Last, First" <a@b>`,
 * `a@b (comment)`, `group: a@b, c@d;`. Display names and comments are dropped.
 */
export function parseAddressList(value: string, field: string): string[] {
  const out: string[] = [];
  let plain = '';
  let angle: string | undefined;
  let inAngle = false;
  let quoted = false;
  let comment = 0;
  const finish = (): void => {
    const candidate = (angle ?? plain).trim();
    if (candidate !== '') {
      assertAddress(candidate, field);
      out.push(candidate);
    }
    plain = '';
    angle = undefined;
    inAngle = false;
  };
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (comment > 0) {
      if (char === '\\') i++;
      else if (char === '(') comment++;
      else if (char === ')') comment--;
      continue;
    }
    if (quoted) {
      if (char === '\\') i++;
      else if (char === '"') quoted = false;
      // Quoted text is a display name (or a quoted local part, which Liaison does not issue).
      plain += '"';
      continue;
    }
    if (inAngle) {
      if (char === '>') inAngle = false;
      else angle += char;
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === '(') comment = 1;
    else if (char === '<') {
      inAngle = true;
      angle = '';
    } else if (char === ',' || char === ';') finish();
    else if (char === ':')
      plain = ''; // a group's display name
    else plain += char;
  }
  if (quoted || inAngle || comment > 0) {
    throw new CryptoError('LETTER_MALFORMED', `${field}: unterminated quote, comment or angle bracket`);
  }
  finish();
  return out;
}

export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

export function sameAddress(a: string, b: string): boolean {
  return normaliseAddress(a) === normaliseAddress(b);
}

/** Same addresses, ignoring case, order and repetitions. */
export function sameAddressSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map(normaliseAddress));
  const right = new Set(b.map(normaliseAddress));
  return left.size === right.size && [...left].every((address) => right.has(address));
}
