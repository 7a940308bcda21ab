import type { DirectoryEntry, DirectoryEntryFields } from '@liaison/core/api/directory';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import type { DirectoryEntryRow, DirectoryEntryTable } from '../db/schema.ts';

/** The entry columns that hold its fields (what a publication writes). */
export type EntryFieldColumns = Pick<
  DirectoryEntryTable,
  | 'last_name'
  | 'first_name'
  | 'profession'
  | 'specialty'
  | 'national_id_kind'
  | 'national_id'
  | 'service_name'
  | 'address'
  | 'mailbox_kind'
  | 'mailboxes'
  | 'departement'
  | 'group_name'
  | 'proxy_user'
  | 'accepts_attachments'
  | 'unlisted'
  | 'display_name'
>;

export function fieldColumns(fields: DirectoryEntryFields): EntryFieldColumns {
  const main = fields.mailboxes[0];
  if (main === undefined) throw new Error('an entry has at least one mailbox (checkEntry ensures it)');
  return {
    last_name: fields.lastName,
    first_name: fields.firstName,
    profession: fields.profession,
    specialty: fields.specialty,
    national_id_kind: fields.nationalIdKind,
    national_id: fields.nationalId,
    service_name: fields.serviceName,
    address: main.address,
    mailbox_kind: main.kind,
    mailboxes: JSON.stringify(fields.mailboxes),
    departement: fields.departement,
    group_name: fields.groupName,
    proxy_user: fields.proxyUser ? 1 : 0,
    accepts_attachments: fields.acceptsAttachments ? 1 : 0,
    unlisted: fields.unlisted ? 1 : 0,
    display_name: entryDisplayName(fields),
  };
}

export function rowFields(row: EntryFieldColumns): DirectoryEntryFields {
  return {
    lastName: row.last_name,
    firstName: row.first_name,
    profession: row.profession,
    specialty: row.specialty,
    nationalIdKind: row.national_id_kind,
    nationalId: row.national_id,
    serviceName: row.service_name,
    mailboxes: JSON.parse(row.mailboxes) as DirectoryEntryFields['mailboxes'],
    departement: row.departement,
    groupName: row.group_name,
    proxyUser: row.proxy_user === 1,
    acceptsAttachments: row.accepts_attachments === 1,
    unlisted: row.unlisted === 1,
  };
}

/** Fields as stored in JSON (submissions, history): same shape, parsed. */
export function parseFields(json: string): DirectoryEntryFields {
  return JSON.parse(json) as DirectoryEntryFields;
}

export interface EntryWithOrganisation extends DirectoryEntryRow {
  organisation_name: string;
  organisation_finess: string | null;
  organisation_city: string | null;
  pending_submission_id: string | null;
}

export function toDirectoryEntry(row: EntryWithOrganisation): DirectoryEntry {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationFiness: row.organisation_finess,
    organisationCity: row.organisation_city,
    state: row.state,
    fields: rowFields(row),
    version: row.version,
    createdAt: row.created_at,
    publishedAt: row.published_at,
    modifiedAt: row.modified_at,
    retiredAt: row.retired_at,
    rppsLeftAt: row.rpps_left_at,
    pendingSubmissionId: row.pending_submission_id,
  };
}
