/**
 * inetOrgPerson attributes written by an establishment ↔ the directory's entry input. The mapping is
 * the inverse of attributes.ts, so what a client reads it can write back unchanged:
 *   sn + givenName → a person (surname, first name); no givenName → a service named by ou (or sn)
 *   ou → service · mail → mailboxes (first is the main address) · businessCategory → mailbox kind
 *   title → TRE_R38 specialty (code or French/English label) · employeeType → TRE_G15 profession
 *   employeeNumber → RPPS/ADELI · departmentNumber → département
 * Everything else Liaison keeps (attachments accepted, unlisted, proxy user, group) is not written
 * over LDAP: new entries take the defaults, changes keep what the entry has.
 */
import type { DirectoryEntryFields, DirectoryEntryInput } from '@liaison/core/api/directory';
import type { MailboxKind } from '@liaison/core/api/common';
import { TRE_G15 } from '@liaison/core/codes/treG15';
import { TRE_R38 } from '@liaison/core/codes/treR38';
import type { CodeList } from '@liaison/core/codes/types';
import { LdapFailure, RESULT } from './errors.ts';
import { attributeKey, attributeType, normaliseText } from './schema.ts';

/** Writable attributes, by key (canonical name, lower case). */
export type EditableValues = Map<string, string[]>;

const EDITABLE = new Set([
  'sn',
  'givenname',
  'ou',
  'mail',
  'businesscategory',
  'title',
  'employeetype',
  'employeenumber',
  'departmentnumber',
]);

/**
 * Accepted and not stored: derived ones (cn, displayName, o), and standard inetOrgPerson attributes a
 * connector exporting from an HR or AD system commonly sends along. Anything else is refused, so an
 * admin never believes Liaison kept data it dropped.
 */
const IGNORED = new Set([
  'cn',
  'displayname',
  'o',
  'description',
  'l',
  'st',
  'street',
  'postaladdress',
  'postalcode',
  'telephonenumber',
  'mobile',
  'facsimiletelephonenumber',
  'initials',
  'preferredlanguage',
  'labeleduri',
  'roomnumber',
  'physicaldeliveryofficename',
]);

const KINDS: readonly MailboxKind[] = ['PER', 'ORG', 'APP', 'CAB'];

/** What an attribute in a write means: stored, ignored, or refused with the right result code. */
export function writableKey(name: string): { key: string; use: 'edit' | 'ignore' } {
  const key = attributeKey(name);
  if (EDITABLE.has(key)) return { key, use: 'edit' };
  if (IGNORED.has(key) || key === 'objectclass' || key === 'uid') return { key, use: 'ignore' };
  if (attributeType(name) !== undefined) {
    throw new LdapFailure(
      RESULT.constraintViolation,
      `${name} is maintained by Liaison and cannot be written`,
    );
  }
  throw new LdapFailure(
    RESULT.undefinedAttributeType,
    `${name} is not an attribute Liaison stores (writable: sn, givenName, ou, mail, businessCategory, title, employeeType, employeeNumber, departmentNumber)`,
  );
}

/** A code given as itself or by its label (French or English, any case or accents). */
function codeOf(list: CodeList, value: string): string {
  const upper = value.trim().toUpperCase();
  if (list.codes.some((c) => c.code === upper)) return upper;
  const wanted = normaliseText(value);
  const found = list.codes.find(
    (c) => normaliseText(c.label) === wanted || normaliseText(c.labelEn) === wanted,
  );
  return found?.code ?? value; // unknown: checkEntry refuses it with UNKNOWN_CODE
}

/** The writable attributes of an entry as it stands (published, or proposed), codes not labels. */
export function editableValues(fields: DirectoryEntryFields): EditableValues {
  const person = fields.lastName !== null || fields.firstName !== null;
  const values: [string, string | null | undefined][] = [
    ['sn', person ? fields.lastName : fields.serviceName],
    ['givenname', fields.firstName],
    ['ou', fields.serviceName],
    ['businesscategory', fields.mailboxes[0]?.kind],
    ['title', fields.specialty === '' ? null : fields.specialty],
    ['employeetype', fields.profession],
    ['employeenumber', fields.nationalId],
    ['departmentnumber', fields.departement],
  ];
  const result: EditableValues = new Map();
  for (const [key, value] of values) if (value !== null && value !== undefined) result.set(key, [value]);
  if (fields.mailboxes.length > 0)
    result.set(
      'mail',
      fields.mailboxes.map((m) => m.address),
    );
  return result;
}

function single(values: EditableValues, key: string, name: string): string | null {
  const list = values.get(key) ?? [];
  if (list.length > 1) throw new LdapFailure(RESULT.constraintViolation, `${name} takes a single value`);
  const value = list[0]?.trim() ?? '';
  return value === '' ? null : value;
}

function mailboxKind(value: string | null): MailboxKind | null {
  if (value === null) return null;
  const kind = KINDS.find((k) => k === value.trim().toUpperCase());
  if (kind === undefined) {
    throw new LdapFailure(
      RESULT.constraintViolation,
      `businessCategory "${value}" must be PER, ORG, APP or CAB`,
    );
  }
  return kind;
}

/** The entry input those attribute values describe; `previous` supplies what LDAP does not carry. */
export function entryInput(
  values: EditableValues,
  previous: DirectoryEntryFields | null,
): DirectoryEntryInput {
  const givenName = single(values, 'givenname', 'givenName');
  const sn = single(values, 'sn', 'sn');
  const ou = single(values, 'ou', 'ou');
  const person = givenName !== null;
  const kind = mailboxKind(single(values, 'businesscategory', 'businessCategory'));
  const fallbackKind: MailboxKind = kind ?? (person ? 'PER' : 'ORG');
  const earlier = new Map(previous?.mailboxes.map((m) => [m.address, m.kind]) ?? []);
  const mailboxes = (values.get('mail') ?? []).map((raw, index) => {
    const address = raw.trim().toLowerCase();
    // The main address takes businessCategory; the others keep the kind they had.
    const own = index === 0 && kind !== null ? kind : earlier.get(address);
    return { address, kind: own ?? fallbackKind };
  });
  const title = single(values, 'title', 'title');
  const profession = single(values, 'employeetype', 'employeeType');
  return {
    lastName: person ? sn : null,
    firstName: person ? givenName : null,
    serviceName: person ? ou : (ou ?? sn),
    mailboxes,
    specialty: title === null ? null : codeOf(TRE_R38, title),
    profession: profession === null ? null : codeOf(TRE_G15, profession),
    nationalId: single(values, 'employeenumber', 'employeeNumber'),
    departement: single(values, 'departmentnumber', 'departmentNumber'),
    groupName: previous?.groupName ?? null,
    proxyUser: previous?.proxyUser ?? false,
    acceptsAttachments: previous?.acceptsAttachments ?? true,
    unlisted: previous?.unlisted ?? false,
  };
}

export interface Modification {
  operation: 'add' | 'delete' | 'replace';
  type: string;
  values: string[];
}

const same = (a: string, b: string) => normaliseText(a) === normaliseText(b);

/** Applies an LDAP modify (RFC 4511 §4.6) to the writable values, with its result codes. */
export function applyModifications(
  current: EditableValues,
  changes: readonly Modification[],
): EditableValues {
  const result = new Map([...current].map(([k, v]) => [k, [...v]]));
  for (const change of changes) {
    const { key, use } = writableKey(change.type);
    if (key === 'uid')
      throw new LdapFailure(RESULT.notAllowedOnRDN, 'uid names the entry: delete and add it to rename');
    if (key === 'objectclass') {
      const dropsClass =
        change.operation !== 'add' &&
        (change.values.length === 0 || change.values.some((v) => same(v, 'inetOrgPerson'))) &&
        !(change.operation === 'replace' && change.values.some((v) => same(v, 'inetOrgPerson')));
      if (dropsClass) throw new LdapFailure(RESULT.objectClassViolation, 'entries stay inetOrgPerson');
      continue;
    }
    if (use === 'ignore') continue;
    const existing = result.get(key) ?? [];
    if (change.operation === 'replace') {
      if (change.values.length === 0) result.delete(key);
      else result.set(key, [...change.values]);
    } else if (change.operation === 'add') {
      for (const value of change.values) {
        if (existing.some((v) => same(v, value))) {
          throw new LdapFailure(
            RESULT.attributeOrValueExists,
            `${change.type} already has the value "${value}"`,
          );
        }
        existing.push(value);
      }
      result.set(key, existing);
    } else {
      if (existing.length === 0)
        throw new LdapFailure(RESULT.noSuchAttribute, `the entry has no ${change.type}`);
      if (change.values.length === 0) {
        result.delete(key);
        continue;
      }
      for (const value of change.values) {
        const at = existing.findIndex((v) => same(v, value));
        if (at < 0) throw new LdapFailure(RESULT.noSuchAttribute, `${change.type} has no value "${value}"`);
        existing.splice(at, 1);
      }
      if (existing.length === 0) result.delete(key);
      else result.set(key, existing);
    }
  }
  return result;
}
