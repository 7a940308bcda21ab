/**
 * Directory entries as LDAP sees them: inetOrgPerson objects, plus the few structural entries of the
 * tree. Building the attributes is pure; which entries and fields are shown is decided in search.ts.
 */
import type { DirectoryEntryFields } from '@liaison/core/api/directory';
import { professionLabel, specialtyLabel } from '@liaison/core/codes/lookup';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import type { DirectoryTree } from './dn.ts';
import { PAGED_RESULTS_OID } from './paging.ts';
import { answerName, attributeType, generalizedTime } from './schema.ts';

export type AttributeValue = string | Buffer;

/** One attribute of an answer, keyed by its canonical lower-case name. */
export type AttributeSet = Map<string, { name: string; values: AttributeValue[] }>;

export interface EntryCertificates {
  /** DER of the current encryption certificates (what a sender encrypts to). */
  encryption: Buffer[];
  /** A certs-only PKCS#7 with every current certificate (what S/MIME mail clients read). */
  smime: Buffer | null;
}

/** One entry as one reader sees it: published fields, or (its establishment) what it proposed. */
export interface EntryView {
  id: string;
  uid: string;
  finess: string;
  organisationName: string;
  fields: DirectoryEntryFields;
  status: 'published' | 'pending' | 'rejected';
  pendingChange: 'create' | 'update' | 'remove' | null;
  createdAt: string;
  modifiedAt: string;
  certificates: EntryCertificates | null;
}

export interface LdapObject {
  dn: string;
  attributes: AttributeSet;
}

/** Our own attribute names, resolved once (this runs for every attribute of every entry sent). */
const KNOWN = new Map<string, { key: string; answer: string }>();
function known(name: string): { key: string; answer: string } {
  let found = KNOWN.get(name);
  if (found === undefined) {
    const type = attributeType(name);
    if (type === undefined) throw new Error(`attribute ${name} is missing from schema.ts`);
    found = { key: type.name.toLowerCase(), answer: answerName(type) };
    KNOWN.set(name, found);
  }
  return found;
}

function set(entries: [string, AttributeValue[] | AttributeValue | null | undefined][]): AttributeSet {
  const result: AttributeSet = new Map();
  for (const [name, raw] of entries) {
    const values = (Array.isArray(raw) ? raw : raw === null || raw === undefined ? [] : [raw]).filter(
      (v) => v !== '',
    );
    if (values.length === 0) continue;
    const { key, answer } = known(name);
    result.set(key, { name: answer, values });
  }
  return result;
}

export const INET_ORG_PERSON = ['top', 'person', 'organizationalPerson', 'inetOrgPerson'];

/** The name an entry goes by in its DN: what the push named it, or its id for form-made entries. */
export function entryUid(id: string, ldapRdn: string | null): string {
  return ldapRdn?.replace(/^uid=/i, '') ?? id;
}

export function entryObject(tree: DirectoryTree, view: EntryView): LdapObject {
  const f = view.fields;
  const person = f.lastName !== null || f.firstName !== null;
  return {
    dn: tree.entryDn(view.finess, view.uid),
    attributes: set([
      ['objectClass', INET_ORG_PERSON],
      ['uid', view.uid],
      ['cn', entryDisplayName(f)],
      ['displayName', entryDisplayName(f)],
      // sn is mandatory in `person`: a service-only entry is named by its service.
      ['sn', person ? f.lastName : f.serviceName],
      ['givenName', f.firstName],
      ['mail', f.mailboxes.map((m) => m.address)],
      ['o', view.organisationName],
      ['ou', f.serviceName],
      ['departmentNumber', f.departement],
      ['title', f.specialty === '' ? null : (specialtyLabel(f.specialty, 'fr') ?? f.specialty)],
      ['employeeType', f.profession === null ? null : (professionLabel(f.profession, 'fr') ?? f.profession)],
      ['businessCategory', f.mailboxes[0]?.kind],
      ['employeeNumber', f.nationalId],
      ['userCertificate', view.certificates?.encryption],
      ['userSMIMECertificate', view.certificates?.smime],
      ['createTimestamp', generalizedTime(view.createdAt)],
      ['modifyTimestamp', generalizedTime(view.modifiedAt)],
      ['entryUUID', view.id],
      ['liaisonStatus', view.status],
      ['liaisonPendingChange', view.pendingChange],
    ]),
  };
}

export function baseObject(tree: DirectoryTree): LdapObject {
  const first = tree.base[0]!;
  return {
    dn: tree.baseDn,
    attributes: set([
      ['objectClass', first.type === 'dc' ? ['top', 'dcObject', 'organization'] : ['top']],
      [first.type, first.value],
      ['o', 'Liaison'],
      ['description', 'Annuaire Liaison'],
    ]),
  };
}

export function establishmentsObject(tree: DirectoryTree): LdapObject {
  return {
    dn: tree.establishmentsDn,
    attributes: set([
      ['objectClass', ['top', 'organizationalUnit']],
      ['ou', 'establishments'],
      ['description', 'Établissements (une branche par numéro FINESS)'],
    ]),
  };
}

export function establishmentObject(
  tree: DirectoryTree,
  org: { finess: string; name: string; city: string | null },
): LdapObject {
  return {
    dn: tree.establishmentDn(org.finess),
    attributes: set([
      ['objectClass', ['top', 'organizationalUnit']],
      ['ou', org.finess],
      ['description', org.name],
      ['l', org.city],
    ]),
  };
}

export function rootDseObject(tree: DirectoryTree): LdapObject {
  return {
    dn: '',
    attributes: set([
      ['objectClass', 'top'],
      ['namingContexts', tree.baseDn],
      ['supportedLDAPVersion', '3'],
      ['supportedControl', PAGED_RESULTS_OID],
      ['supportedExtension', '1.3.6.1.4.1.4203.1.11.3'],
      ['vendorName', 'Liaison'],
    ]),
  };
}
