/**
 * Tables of the directory: the national RPPS reference, entries with their submissions, history and
 * imports, LDAP credentials, address books. Same portable conventions as schema.ts.
 */
import type { Selectable } from 'kysely';

/** One professional of the national RPPS extraction, as of the last import that saw them. */
export interface RppsReferenceTable {
  rpps: string;
  last_name: string;
  first_name: string;
  profession_code: string | null;
  profession_label: string | null;
  specialty: string | null;
  key_valid: number;
  activities: string;
  fingerprint: string;
  first_seen_at: string;
  updated_at: string;
  seen_import: string;
  left_at: string | null;
}

export interface RppsImportTable {
  id: string;
  source: string;
  started_at: string;
  finished_at: string | null;
  status: 'running' | 'done' | 'failed';
  summary: string | null;
}

/** A directory entry: what is published, or (state pending/rejected) what was first proposed. */
export interface DirectoryEntryTable {
  id: string;
  organisation_id: string;
  state: 'pending' | 'published' | 'rejected' | 'retired';
  version: number;
  last_name: string | null;
  first_name: string | null;
  profession: string | null;
  specialty: string;
  national_id_kind: 'rpps' | 'adeli' | null;
  national_id: string | null;
  service_name: string | null;
  address: string;
  mailbox_kind: 'PER' | 'ORG' | 'APP' | 'CAB';
  mailboxes: string;
  departement: string | null;
  group_name: string | null;
  proxy_user: number;
  accepts_attachments: number;
  unlisted: number;
  display_name: string;
  ldap_rdn: string | null;
  created_at: string;
  published_at: string | null;
  modified_at: string;
  retired_at: string | null;
  rpps_left_at: string | null;
}

export interface DirectorySubmissionTable {
  id: string;
  entry_id: string;
  organisation_id: string;
  action: 'create' | 'update' | 'remove';
  source: 'form' | 'file' | 'ldap';
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  fields: string;
  base_version: number;
  checks: string;
  import_id: string | null;
  submitted_by: string | null;
  submitted_at: string;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
}

export interface DirectoryEntryHistoryTable {
  id: string;
  entry_id: string;
  version: number;
  state: string;
  change: 'proposed' | 'published' | 'updated' | 'retired' | 'rejected' | 'rpps_left';
  fields: string;
  submission_id: string | null;
  changed_by: string | null;
  changed_at: string;
}

export interface DirectoryImportTable {
  id: string;
  organisation_id: string;
  file_name: string;
  status: 'running' | 'done' | 'failed';
  total_rows: number;
  processed_rows: number;
  summary: string | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface DirectoryLdapCredentialTable {
  organisation_id: string;
  password_hash: string;
  created_by: string | null;
  created_at: string;
}

export interface AddressBookEntryTable {
  id: string;
  owner_kind: 'user' | 'mailbox';
  owner_id: string;
  entry_id: string;
  note: string | null;
  added_at: string;
  seen_version: number;
  seen_address: string;
}

export type DirectoryEntryRow = Selectable<DirectoryEntryTable>;
export type DirectorySubmissionRow = Selectable<DirectorySubmissionTable>;
