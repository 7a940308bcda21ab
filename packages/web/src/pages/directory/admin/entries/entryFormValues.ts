import type { MailboxKind } from '@liaison/core/api/common';
import type { DirectoryEntryFields, DirectoryEntryInput, EntryProblem } from '@liaison/core/api/directory';
import { checkEntry } from '@liaison/core/directory/entryRules';

/** What the form edits: text inputs hold strings, selects may be empty. */
export interface EntryFormValues {
  lastName: string;
  firstName: string;
  serviceName: string;
  profession: string | null;
  specialty: string | null;
  nationalId: string;
  departement: string;
  groupName: string;
  mailboxes: { address: string; kind: MailboxKind }[];
  acceptsAttachments: boolean;
  proxyUser: boolean;
  unlisted: boolean;
}

export const MAX_MAILBOXES = 5;

export function emptyValues(): EntryFormValues {
  return {
    lastName: '',
    firstName: '',
    serviceName: '',
    profession: '10',
    specialty: null,
    nationalId: '',
    departement: '',
    groupName: '',
    mailboxes: [{ address: '', kind: 'PER' }],
    acceptsAttachments: true,
    proxyUser: false,
    unlisted: false,
  };
}

export function valuesFrom(fields: DirectoryEntryFields): EntryFormValues {
  return {
    lastName: fields.lastName ?? '',
    firstName: fields.firstName ?? '',
    serviceName: fields.serviceName ?? '',
    profession: fields.profession,
    specialty: fields.specialty || null,
    nationalId: fields.nationalId ?? '',
    departement: fields.departement ?? '',
    groupName: fields.groupName ?? '',
    mailboxes:
      fields.mailboxes.length > 0 ? fields.mailboxes.map((m) => ({ ...m })) : [{ address: '', kind: 'PER' }],
    acceptsAttachments: fields.acceptsAttachments,
    proxyUser: fields.proxyUser,
    unlisted: fields.unlisted,
  };
}

/**
 * The request body. The RPPS/ADELI kind is left for the rules to infer (11 digits is an RPPS), the
 * way the file import reads it too. Every address row is sent, so problems point at the right row.
 */
export function toInput(values: EntryFormValues): DirectoryEntryInput {
  return {
    lastName: values.lastName,
    firstName: values.firstName,
    serviceName: values.serviceName,
    profession: values.profession,
    specialty: values.specialty,
    nationalId: values.nationalId,
    departement: values.departement,
    groupName: values.groupName,
    mailboxes: values.mailboxes,
    acceptsAttachments: values.acceptsAttachments,
    proxyUser: values.proxyUser,
    unlisted: values.unlisted,
  };
}

/** The same rules the server runs (core/directory/entryRules.ts): problems appear as people type. */
export function checkValues(values: EntryFormValues): {
  fields: DirectoryEntryFields | null;
  problems: EntryProblem[];
} {
  const result = checkEntry(toInput(values));
  return result.ok ? { fields: result.fields, problems: [] } : { fields: null, problems: result.problems };
}
