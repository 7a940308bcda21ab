import type { Organisation, OrganisationInput } from '@liaison/core/api/organisations';
import type { OrganisationRow, OrganisationTable } from '../db/schema.ts';

/** Profile fields an establishment must fill in; beds only where there are beds. */
const REQUIRED: Array<keyof OrganisationInput> = [
  'finess',
  'addressLine1',
  'postalCode',
  'city',
  'adminReferent',
  'itHead',
  'phone',
  'alertMailbox',
];
const WITH_BEDS = new Set(['hospital', 'clinic', 'ehpad']);

export function missingFields(org: Organisation | Omit<Organisation, 'missing'>): string[] {
  const missing: string[] = REQUIRED.filter((field) => {
    const value = (org as Record<string, unknown>)[field];
    return value === null || value === undefined || value === '';
  });
  if (WITH_BEDS.has(org.kind) && org.beds === null) missing.push('beds');
  return missing;
}

const parseContact = (json: string | null) =>
  json ? (JSON.parse(json) as Organisation['adminReferent']) : null;

export function toOrganisation(row: OrganisationRow): Organisation {
  const base = {
    id: row.id,
    kind: row.kind as Organisation['kind'],
    name: row.name,
    groupName: row.group_name,
    finess: row.finess,
    addressLine1: row.address_line1,
    addressLine2: row.address_line2,
    postalCode: row.postal_code,
    city: row.city,
    fileNumber: row.file_number,
    beds: row.beds,
    adminReferent: parseContact(row.admin_referent),
    itHead: parseContact(row.it_head),
    phone: row.phone,
    mobilePhone: row.mobile_phone,
    alertMailbox: row.alert_mailbox,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  return { ...base, missing: missingFields(base) };
}

/** Only the fields present in a PATCH become columns to set. */
export function toColumns(input: Partial<OrganisationInput>): Partial<OrganisationTable> {
  const cols: Partial<OrganisationTable> = {};
  const set = <K extends keyof OrganisationTable>(key: K, value: OrganisationTable[K] | undefined) => {
    if (value !== undefined) cols[key] = value;
  };
  set('kind', input.kind);
  set('name', input.name);
  set('group_name', input.groupName);
  set('finess', input.finess);
  set('address_line1', input.addressLine1);
  set('address_line2', input.addressLine2);
  set('postal_code', input.postalCode);
  set('city', input.city);
  set('file_number', input.fileNumber);
  set('beds', input.beds);
  set(
    'admin_referent',
    input.adminReferent === undefined
      ? undefined
      : input.adminReferent && JSON.stringify(input.adminReferent),
  );
  set('it_head', input.itHead === undefined ? undefined : input.itHead && JSON.stringify(input.itHead));
  set('phone', input.phone);
  set('mobile_phone', input.mobilePhone);
  set('alert_mailbox', input.alertMailbox);
  return cols;
}
