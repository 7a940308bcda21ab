import { fail } from '../errors.ts';

/**
 * What the CA will write in a certificate's subject and subjectAltName, derived only from verified
 * data (the account a technician approved, the mailboxes the holder owns), never from the CSR.
 */
export interface ExpectedSubject {
  commonName: string;
  /** "8"+RPPS or "0"+ADELI; null when the holder has no national identifier (shared mailbox, staff). */
  serialNumber: string | null;
  /** Addresses the holder may have certified; the CSR may ask for some or all of them. */
  emails: string[];
}

/** What a CSR asks for, read from its subject and its requested subjectAltName. */
export interface RequestedIdentity {
  commonNames: string[];
  serialNumbers: string[];
  /** emailAddress attributes of the subject and rfc822Name entries of the SAN, lowercased. */
  emails: string[];
  /** Subject attributes other than CN, serialNumber and emailAddress (OIDs or short names). */
  otherSubjectAttributes: string[];
  /** SAN entries other than rfc822Name, as "type:value". */
  otherAltNames: string[];
}

const spaces = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');

/**
 * The canonical common name of a person: "<First name> <LAST NAME>", i.e. the verified first name as
 * written (accents kept) and the verified last name upper-cased with French rules ("Élodie" + "Le
 * Gall-Durand" → "Élodie LE GALL-DURAND"), in Unicode NFC with single spaces: the usual French
 * "Prénom NOM". CSR builders (web, CLI) must produce exactly this string; GET /api/pki/subject
 * returns it so they need not re-implement the rule.
 */
export function personCommonName(firstName: string, lastName: string): string {
  return `${spaces(firstName)} ${spaces(lastName).toLocaleUpperCase('fr-FR')}`;
}

/**
 * The common name of a shared mailbox (ORG, APP, CAB): the service name, i.e. the local part of its
 * address as stored ("cardiologie@ch-dunkerque.fr" → "cardiologie"). Mailboxes carry no display name
 * yet; the address is what senders see and what the directory publishes.
 */
export function mailboxCommonName(address: string): string {
  return address.slice(0, address.lastIndexOf('@'));
}

/** The subject serialNumber for a national identifier (ANS convention: "8" RPPS, "0" ADELI). */
export function nationalSerialNumber(kind: 'rpps' | 'adeli' | null, id: string | null): string | null {
  if (!kind || !id) return null;
  return (kind === 'rpps' ? '8' : '0') + id;
}

function mismatch(field: string, message: string, expected: unknown, received: unknown): never {
  fail('CSR_IDENTITY_MISMATCH', message, { field, expected, received });
}

/**
 * Compares a CSR with what was approved, attribute by attribute, and returns the addresses to
 * certify: those the CSR names (each must be one the holder owns), or all of them when it names none.
 * The first difference is refused with CSR_IDENTITY_MISMATCH naming the field.
 */
export function matchIdentity(expected: ExpectedSubject, requested: RequestedIdentity): string[] {
  const [other] = requested.otherSubjectAttributes;
  if (other !== undefined) {
    mismatch(
      'subject',
      `The subject may hold only CN, serialNumber and emailAddress, not ${other}.`,
      null,
      other,
    );
  }
  const [altName] = requested.otherAltNames;
  if (altName !== undefined) {
    mismatch('subjectAltName', `Only e-mail addresses may be requested, not ${altName}.`, null, altName);
  }
  const cn = requested.commonNames.map((v) => v.normalize('NFC'));
  if (cn.length !== 1 || cn[0] !== expected.commonName) {
    mismatch(
      'commonName',
      `The common name must be exactly "${expected.commonName}".`,
      expected.commonName,
      cn.length === 1 ? cn[0] : cn,
    );
  }
  const serial = requested.serialNumbers;
  const serialMatches =
    expected.serialNumber === null
      ? serial.length === 0
      : serial.length === 1 && serial[0] === expected.serialNumber;
  if (!serialMatches) {
    mismatch(
      'serialNumber',
      expected.serialNumber === null
        ? 'The subject must not carry a serialNumber: no national identifier is on record.'
        : `The subject serialNumber must be "${expected.serialNumber}".`,
      expected.serialNumber,
      serial.length === 1 ? serial[0] : serial,
    );
  }
  if (expected.emails.length === 0) {
    mismatch('email', 'You own no mailbox this certificate could be issued for.', [], requested.emails);
  }
  const owned = new Set(expected.emails);
  const foreign = requested.emails.find((email) => !owned.has(email));
  if (foreign !== undefined) {
    mismatch(
      'email',
      `${foreign} is not a mailbox this certificate can be issued for.`,
      expected.emails,
      foreign,
    );
  }
  return requested.emails.length > 0 ? [...new Set(requested.emails)] : [...expected.emails];
}
