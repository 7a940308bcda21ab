/**
 * Table shapes as Kysely sees them. Portable across SQLite and PostgreSQL on purpose: timestamps are
 * ISO-8601 UTC text (sortable, comparable as strings, sliceable by day in SQL on both), booleans are
 * 0/1 integers, ids are UUID text, structured values are JSON text.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  AddressBookEntryTable,
  DirectoryEntryHistoryTable,
  DirectoryEntryTable,
  DirectoryImportTable,
  DirectoryLdapCredentialTable,
  DirectorySubmissionTable,
  RppsImportTable,
  RppsReferenceTable,
} from './schemaDirectory.ts';
import type { CharterVersionTable, MailHoldTable, SenderLimitTable } from './schemaUsage.ts';
import type { StatsTables } from './schemaStats.ts';
import type { StatusTables } from './schemaStatus.ts';
import type { ChatTables } from './schemaChat.ts';
import type { TeleexpertiseTables } from './schemaTeleexpertise.ts';

export type * from './schemaDirectory.ts';
export type * from './schemaUsage.ts';
export type * from './schemaStats.ts';
export type * from './schemaStatus.ts';
export type * from './schemaChat.ts';
export type * from './schemaTeleexpertise.ts';

export interface OrganisationTable {
  id: string;
  kind: string;
  name: string;
  group_name: string | null;
  finess: string | null;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  file_number: string | null;
  beds: number | null;
  admin_referent: string | null;
  it_head: string | null;
  phone: string | null;
  mobile_phone: string | null;
  alert_mailbox: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  status: 'pending' | 'active' | 'rejected' | 'disabled';
  password_hash: string | null;
  national_id_kind: 'rpps' | 'adeli' | null;
  national_id: string | null;
  profession: string | null;
  specialty: string | null;
  totp_secret: string | null;
  totp_enabled: number;
  totp_last_step: number | null;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  id: string;
  user_id: string;
  role: string;
  organisation_id: string | null;
}

export interface RegistrationTable {
  id: string;
  user_id: string;
  status: 'pending' | 'approved' | 'rejected';
  submitted_at: string;
  submitted_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  reason: string | null;
}

export interface CharterAcceptanceTable {
  user_id: string;
  version: number;
  accepted_at: string;
}

export interface SessionTable {
  /** SHA-256 of the token: a database leak gives no usable session. */
  id: string;
  user_id: string;
  level: 'partial' | 'full';
  kind: 'cookie' | 'bearer';
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  /** The enrolled device the session was opened on (null before the device registers). */
  device_id: string | null;
}

export interface OneTimeTokenTable {
  id: string;
  purpose: 'setup' | 'activation';
  user_id: string | null;
  /** Activation links are sealed (SecretBox) so the establishment admin can hand them over again. */
  sealed_token: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface RecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
}

export interface MailboxTable {
  id: string;
  address: string;
  kind: 'PER' | 'ORG' | 'APP' | 'CAB';
  organisation_id: string | null;
  accepts_attachments: number;
  created_at: string;
  /** 1 after a member left: the next key version must be made before new mail is encrypted to it. */
  rotation_required: Generated<number>;
}

export interface MailboxMemberTable {
  mailbox_id: string;
  user_id: string;
  access: 'owner' | 'delegate';
  created_at: string;
}

export interface RateLimitTable {
  key: string;
  window_start: string;
  count: number;
}

export interface AuditEventTable {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  mac: string;
}

export interface AuditCheckpointTable {
  seq: number;
  hash: string;
  at: string;
  mac: string;
}

export interface JobTable {
  name: string;
  interval_ms: number;
  next_run_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_error: string | null;
  runs: Generated<number>;
}

export interface DB extends StatsTables, StatusTables, ChatTables, TeleexpertiseTables {
  organisations: OrganisationTable;
  users: UserTable;
  user_roles: UserRoleTable;
  registrations: RegistrationTable;
  charter_acceptances: CharterAcceptanceTable;
  sessions: SessionTable;
  one_time_tokens: OneTimeTokenTable;
  recovery_codes: RecoveryCodeTable;
  mailboxes: MailboxTable;
  mailbox_members: MailboxMemberTable;
  rate_limits: RateLimitTable;
  audit_events: AuditEventTable;
  audit_head: AuditHeadTable;
  audit_checkpoints: AuditCheckpointTable;
  jobs: JobTable;
  pki_authorities: PkiAuthorityTable;
  pki_certificates: PkiCertificateTable;
  pki_crls: PkiCrlTable;
  devices: DeviceTable;
  key_backups: KeyBackupTable;
  mailbox_keys: MailboxKeyTable;
  mailbox_key_wraps: MailboxKeyWrapTable;
  mailbox_membership_log: MailboxMembershipLogTable;
  mail_messages: MailMessageTable;
  mail_blobs: MailBlobTable;
  mail_recipients: MailRecipientTable;
  mail_items: MailItemTable;
  mailbox_sequences: MailboxSequenceTable;
  rpps_reference: RppsReferenceTable;
  rpps_imports: RppsImportTable;
  directory_entries: DirectoryEntryTable;
  directory_submissions: DirectorySubmissionTable;
  directory_entry_history: DirectoryEntryHistoryTable;
  directory_imports: DirectoryImportTable;
  directory_ldap_credentials: DirectoryLdapCredentialTable;
  address_book_entries: AddressBookEntryTable;
  mail_holds: MailHoldTable;
  sender_limits: SenderLimitTable;
  charter_versions: CharterVersionTable;
}

export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type OrganisationRow = Selectable<OrganisationTable>;
export type RegistrationRow = Selectable<RegistrationTable>;
export type MailboxRow = Selectable<MailboxTable>;

/** The instance CA: one root and one issuing CA per generation; keys only sealed (SecretBox). */
export interface PkiAuthorityTable {
  id: string;
  role: 'root' | 'issuing';
  generation: number;
  serial: string;
  subject: string;
  certificate_pem: string;
  sealed_key: string;
  not_before: string;
  not_after: string;
  /** Number of the last CRL this authority signed; bumped under its row lock. */
  crl_number: Generated<number>;
  created_at: string;
}

export interface PkiCertificateTable {
  /** Lowercase hex, as in the certificate. */
  serial: string;
  authority_id: string;
  /** The holder (personal) or the owner who requested it (shared mailbox). */
  user_id: string;
  /** Null for a personal certificate; the shared mailbox for a mailbox's own encryption certificate. */
  mailbox_id: string | null;
  usage: 'signing' | 'encryption';
  subject: string;
  /** JSON array of the rfc822Name addresses in the certificate. */
  emails: string;
  certificate_pem: string;
  not_before: string;
  not_after: string;
  state: 'active' | 'superseded' | 'revoked';
  active_scope: string | null;
  superseded_at: string | null;
  superseded_by: string | null;
  revoked_at: string | null;
  revocation_reason: string | null;
  created_at: string;
}

export interface PkiCrlTable {
  authority_id: string;
  crl_number: number;
  this_update: string;
  next_update: string;
  crl_pem: string;
}

export type PkiAuthorityRow = Selectable<PkiAuthorityTable>;
export type PkiCertificateRow = Selectable<PkiCertificateTable>;

export interface DeviceTable {
  id: string;
  user_id: string;
  name: string;
  kind: 'browser' | 'cli' | 'connector';
  status: 'pending' | 'active' | 'revoked';
  /** SHA-256 of the device's own secret token (kept by the device: cookie or key file). */
  token_hash: string;
  /** SHA-256 of the short approval code shown on a pending device. */
  code_hash: string | null;
  code_expires_at: string | null;
  created_at: string;
  approved_at: string | null;
  approved_by: string | null;
  revoked_at: string | null;
  last_seen_at: string | null;
}

/** The passphrase-encrypted PKCS#12 of a user's whole key history; the server cannot open it. */
export interface KeyBackupTable {
  user_id: string;
  backup: string;
  version: number;
  updated_at: string;
  updated_by_device: string | null;
}

export type DeviceRow = Selectable<DeviceTable>;

/** One version of a shared mailbox's encryption key (its certificate is in pki_certificates). */
export interface MailboxKeyTable {
  id: string;
  mailbox_id: string;
  version: number;
  certificate_serial: string;
  created_at: string;
  created_by: string;
}

/** That key's private part, as a CMS EnvelopedData (base64) to one member's encryption certificate. */
export interface MailboxKeyWrapTable {
  mailbox_key_id: string;
  user_id: string;
  envelope: string;
  created_at: string;
}

/** Membership periods, kept after a member leaves, to judge signatures made at a given time. */
export interface MailboxMembershipLogTable {
  id: string;
  mailbox_id: string;
  user_id: string;
  access: 'owner' | 'delegate';
  added_at: string;
  removed_at: string | null;
}

/** One submitted letter's metadata; its content is only in mail_blobs, encrypted. */
export interface MailMessageTable {
  id: string;
  sender_mailbox_id: string;
  sender_user_id: string;
  sender_device_id: string | null;
  from_address: string;
  category: 'patient' | 'information' | 'notice';
  body_bytes: number;
  summary_bytes: number;
  attachment_count: number;
  attachment_bytes: number;
  recipient_count: number;
  /** Patients the letter declares (0 for information). */
  patients: number;
  fingerprint: string;
  submitted_at: string;
}

/** The two CMS EnvelopedData DER blobs of a letter (the server cannot open them). */
export interface MailBlobTable {
  message_id: string;
  body: Uint8Array;
  summary: Uint8Array;
}

/** One recipient mailbox of a letter and how far delivery went. */
export interface MailRecipientTable {
  message_id: string;
  mailbox_id: string;
  address: string;
  field: 'to' | 'cc';
  position: number;
  delivered_at: string | null;
  filed_at: string | null;
  read_at: string | null;
}

/** A letter as filed in one mailbox (sender's "sent", each recipient's "inbox"). */
export interface MailItemTable {
  mailbox_id: string;
  folder: 'inbox' | 'sent';
  message_id: string;
  /** The mailbox's change sequence at this item's last change. */
  seq: number;
  read: number;
  archived: number;
  deleted: number;
  updated_at: string;
}

export interface MailboxSequenceTable {
  mailbox_id: string;
  seq: number;
}
