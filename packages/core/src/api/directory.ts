import { z } from 'zod';
import { Id, MailboxKind } from './common.ts';

/**
 * What an establishment proposes for one directory entry (a person, a service, or a person in a
 * service). Loose on purpose: `checkEntry` (core/directory/entryRules.ts) is the one place that says
 * what is acceptable, so the web form, the file import and the LDAP adapter refuse the same things
 * with the same codes.
 */
export const DirectoryEntryInput = z.object({
  lastName: z.string().max(200).nullish(),
  firstName: z.string().max(200).nullish(),
  /** TRE_G15 profession code (10 = doctor, 21 = pharmacist…). */
  profession: z.string().max(10).nullish(),
  /** TRE_R38 specialty code (SM54 general medicine…). */
  specialty: z.string().max(10).nullish(),
  nationalIdKind: z.enum(['rpps', 'adeli']).nullish(),
  nationalId: z.string().max(30).nullish(),
  serviceName: z.string().max(200).nullish(),
  /** First is the main address. */
  mailboxes: z
    .array(z.object({ address: z.string().max(300), kind: MailboxKind }))
    .max(5)
    .default([]),
  departement: z.string().max(10).nullish(),
  groupName: z.string().max(200).nullish(),
  proxyUser: z.boolean().default(false),
  acceptsAttachments: z.boolean().default(true),
  unlisted: z.boolean().default(false),
});
export type DirectoryEntryInput = z.input<typeof DirectoryEntryInput>;

/** An entry once `checkEntry` accepted it: trimmed, codes upper-cased, addresses lower-cased. */
export interface DirectoryEntryFields {
  lastName: string | null;
  firstName: string | null;
  profession: string | null;
  specialty: string;
  nationalIdKind: 'rpps' | 'adeli' | null;
  nationalId: string | null;
  serviceName: string | null;
  mailboxes: { address: string; kind: MailboxKind }[];
  departement: string | null;
  groupName: string | null;
  proxyUser: boolean;
  acceptsAttachments: boolean;
  unlisted: boolean;
}

export const ENTRY_STATES = ['pending', 'published', 'rejected', 'retired'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];
export const SUBMISSION_ACTIONS = ['create', 'update', 'remove'] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];
export const SUBMISSION_SOURCES = ['form', 'file', 'ldap'] as const;
export type SubmissionSource = (typeof SUBMISSION_SOURCES)[number];
export const SUBMISSION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** A certificate published with an entry, so any sender can encrypt to its mailbox. */
export interface PublishedCertificate {
  serial: string;
  usage: 'signing' | 'encryption';
  notAfter: string;
  pem: string;
}

/** An entry as the directory shows it. `fields` is what is published (null while never published). */
export interface DirectoryEntry {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationFiness: string | null;
  organisationCity: string | null;
  state: EntryState;
  /** What is published now; for a pending new entry, what was proposed. */
  fields: DirectoryEntryFields;
  version: number;
  createdAt: string;
  publishedAt: string | null;
  modifiedAt: string;
  retiredAt: string | null;
  /** Set when the entry's RPPS left the national reference: a technician should check it. */
  rppsLeftAt: string | null;
  /** The pending change, if any (what a technician still has to decide). */
  pendingSubmissionId: string | null;
}

export interface DirectorySubmission {
  id: string;
  entryId: string;
  organisationId: string;
  organisationName: string;
  action: SubmissionAction;
  source: SubmissionSource;
  status: SubmissionStatus;
  /** Proposed fields (for `remove`: the fields being removed). */
  fields: DirectoryEntryFields;
  /** What is published now (null for a new entry): the technician sees the difference. */
  published: DirectoryEntryFields | null;
  submittedBy: string | null;
  submittedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  /** Soft findings for the technician (RPPS not in the national reference, name differs from it…). */
  checks: { code: string; message: string }[];
}

export const DecideSubmissionRequest = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({ decision: z.literal('reject'), reason: z.string().trim().min(3).max(500) }),
]);
export type DecideSubmissionRequest = z.infer<typeof DecideSubmissionRequest>;

export const SubmissionQuery = z.object({
  status: z.enum(SUBMISSION_STATUSES).optional(),
  organisationId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A located problem with one entry: the field it is about, a stable code, an English default text. */
export interface EntryProblem {
  field: string;
  code: string;
  message: string;
}

/** A located problem in an uploaded file. `line` is the line (CSV) or row (XLSX) the user sees. */
export interface ImportRowError {
  line: number;
  column: string | null;
  code: string;
  message: string;
}

/** The dry run of a CSV/XLSX upload: what would happen, and every bad row. Nothing is written. */
export interface DirectoryImportCheck {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'windows-1252' | null;
  separator: ';' | ',' | '\t' | null;
  columns: { header: string; mappedTo: string | null }[];
  totalRows: number;
  errors: ImportRowError[];
  /** How the good rows would land: new entries, changes to published ones, rows equal to what is there. */
  counts: { create: number; update: number; unchanged: number };
  /** The first rows as read, so the admin can check the columns were understood. */
  preview: { line: number; action: 'create' | 'update' | 'unchanged'; fields: DirectoryEntryFields }[];
}

export interface DirectoryImportStatus {
  id: string;
  organisationId: string;
  fileName: string;
  status: 'running' | 'done' | 'failed';
  totalRows: number;
  processedRows: number;
  counts: { create: number; update: number; unchanged: number } | null;
  error: { code: string; message: string } | null;
  createdAt: string;
  finishedAt: string | null;
}

/** An establishment's LDAP push account. The password is shown once, when (re)issued. */
export interface LdapCredentials {
  bindDn: string;
  /** Present only in the answer that issued it. */
  password?: string;
  url: string | null;
  createdAt: string;
}

/** A correspondent kept in an address book, flagged when the directory changed under it. */
export interface AddressBookItem {
  id: string;
  entry: DirectoryEntry;
  note: string | null;
  addedAt: string;
  /** `retired`: the entry was removed; `address_changed`: its main address is not the one saved; `rpps_left`: its RPPS left the national reference. */
  flags: ('retired' | 'address_changed' | 'rpps_left')[];
}

/** The national RPPS reference's record of one professional (public open data), for pre-filling. */
export const RppsRecord = z.object({
  rpps: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  professionCode: z.string().nullable(),
  professionLabel: z.string().nullable(),
  specialty: z.string().nullable(),
  activities: z.array(z.unknown()),
  leftAt: z.string().nullable(),
});
export type RppsRecord = z.infer<typeof RppsRecord>;
