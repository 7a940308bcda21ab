/**
 * Who may send notices, as the server enforces it and clients explain it: a mailbox of an
 * establishment where patients are admitted (a service's shared mailbox or the establishment
 * system's application mailbox), to personal mailboxes (a GP) only.
 */
import type { MailboxKind, OrganisationKind } from '../api/common.ts';

export const NOTICE_SENDER_ORGANISATION_KINDS: readonly OrganisationKind[] = ['hospital', 'clinic', 'ehpad'];
export const NOTICE_SENDER_MAILBOX_KINDS: readonly MailboxKind[] = ['ORG', 'APP'];
export const NOTICE_RECIPIENT_MAILBOX_KINDS: readonly MailboxKind[] = ['PER'];

export function admitsPatients(organisationKind: string): boolean {
  return (NOTICE_SENDER_ORGANISATION_KINDS as readonly string[]).includes(organisationKind);
}
