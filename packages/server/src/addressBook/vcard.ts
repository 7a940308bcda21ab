import type { DirectoryEntryFields } from '@liaison/core/api/directory';
import { specialtyLabel } from '@liaison/core/codes/index';

/** What one card is made of: a saved correspondent as the directory publishes it now. */
export interface VCardSource {
  entryId: string;
  fields: DirectoryEntryFields;
  organisationName: string;
  note: string | null;
  modifiedAt: string;
}

const CRLF = '\r\n';
/** RFC 6350 §3.2: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
const MAX_LINE_OCTETS = 75;

/** RFC 6350 §3.4: in a text value, backslash, comma, semicolon and line breaks are escaped. */
export function escapeText(value: string): string {
  return value.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 6350 §3.2 folding: a long line is cut into lines of at most 75 octets, each continuation
 * starting with one space. Cuts fall between characters, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** REV is a UTC timestamp in the basic format: 20260302T080000Z. */
function revision(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** One vCard 4.0 (RFC 6350), CRLF line ends, folded. */
export function vcard(source: VCardSource): string {
  const { fields } = source;
  const person = fields.lastName !== null && fields.firstName !== null;
  const formatted = person
    ? `${fields.firstName} ${fields.lastName}`
    : (fields.serviceName ?? source.organisationName);
  const title = specialtyLabel(fields.specialty);
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `UID:urn:uuid:${source.entryId}`,
    `FN:${escapeText(formatted)}`,
    // N's components are family;given;additional;prefixes;suffixes: each escaped, `;` between them.
    ...(person ? [`N:${escapeText(fields.lastName!)};${escapeText(fields.firstName!)};;;`] : []),
    `ORG:${[source.organisationName, ...(fields.serviceName !== null ? [fields.serviceName] : [])].map(escapeText).join(';')}`,
    ...(title !== null ? [`TITLE:${escapeText(title)}`] : []),
    ...fields.mailboxes.map(
      (mailbox, index) => `EMAIL;TYPE=work${index === 0 ? ';PREF=1' : ''}:${escapeText(mailbox.address)}`,
    ),
    ...(source.note !== null ? [`NOTE:${escapeText(source.note)}`] : []),
    `REV:${revision(source.modifiedAt)}`,
    'END:VCARD',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

export function vcards(sources: readonly VCardSource[]): string {
  return sources.map(vcard).join('');
}
