import type { FormRef } from '@liaison/core/api/teleexpertise';
import { isSpecialty } from '@liaison/core/codes/index';
import type { Tx } from '../db/index.ts';
import { fail } from '../errors.ts';
import { missingForms } from './formsStore.ts';

/** Checks and writes behind service administration; every function runs inside the caller's transaction. */

/**
 * A service's mailbox: an ORG mailbox of the same establishment that no other service uses. Any other
 * case (unknown id, personal or application mailbox, another establishment's) gets the same code, so
 * an establishment admin cannot learn about other establishments' mailboxes.
 */
export async function requireSuitableMailbox(
  tx: Tx,
  mailboxId: string,
  organisationId: string,
): Promise<void> {
  const mailbox = await tx.db
    .selectFrom('mailboxes')
    .select(['kind', 'organisation_id'])
    .where('id', '=', mailboxId)
    .executeTakeFirst();
  if (!mailbox || mailbox.kind !== 'ORG' || mailbox.organisation_id !== organisationId) {
    fail(
      'TE_SERVICE_MAILBOX_UNSUITABLE',
      'The mailbox must be a shared (ORG) mailbox of this establishment.',
      {
        mailboxId,
      },
    );
  }
  const used = await tx.db
    .selectFrom('te_services')
    .select('id')
    .where('mailbox_id', '=', mailboxId)
    .executeTakeFirst();
  if (used) {
    fail('TE_SERVICE_MAILBOX_UNSUITABLE', 'This mailbox is already the address of another service.', {
      mailboxId,
    });
  }
}

export function requireSpecialty(code: string): void {
  if (!isSpecialty(code)) {
    fail('VALIDATION_FAILED', 'The specialty is not a TRE_R38 code.', { field: 'specialty', code });
  }
}

export async function requireForms(tx: Tx, refs: readonly FormRef[]): Promise<void> {
  const missing = await missingForms(tx, refs);
  if (missing.length > 0) fail('TE_FORM_NOT_FOUND', undefined, { forms: missing });
}

/** Replaces a service's accepted forms. */
export async function setServiceForms(tx: Tx, serviceId: string, refs: readonly FormRef[]): Promise<void> {
  await tx.db.deleteFrom('te_service_forms').where('service_id', '=', serviceId).execute();
  await tx.db
    .insertInto('te_service_forms')
    .values(refs.map((r) => ({ service_id: serviceId, form_url: r.url, form_version: r.version })))
    .execute();
}

/** The service's establishment, or TE_SERVICE_NOT_FOUND. */
export async function requireService(
  tx: Tx,
  serviceId: string,
): Promise<{ organisationId: string; mailboxId: string }> {
  const row = await tx.db
    .selectFrom('te_services')
    .select(['organisation_id', 'mailbox_id'])
    .where('id', '=', serviceId)
    .executeTakeFirst();
  if (!row) fail('TE_SERVICE_NOT_FOUND');
  return { organisationId: row.organisation_id, mailboxId: row.mailbox_id };
}

/**
 * Experts decrypt requests with the mailbox key, wrapped only to its owners and delegates: someone
 * else could be assigned requests they cannot open. Disabled accounts are refused as well.
 */
export async function requireActiveMember(tx: Tx, mailboxId: string, userId: string): Promise<void> {
  const row = await tx.db
    .selectFrom('mailbox_members')
    .innerJoin('users', 'users.id', 'mailbox_members.user_id')
    .select('users.id')
    .where('mailbox_members.mailbox_id', '=', mailboxId)
    .where('mailbox_members.user_id', '=', userId)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  if (!row) fail('TE_EXPERT_NOT_MEMBER', undefined, { userId });
}
