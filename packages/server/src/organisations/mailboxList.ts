import type { OrganisationMailbox } from '@liaison/core/api/organisations';
import { requireOrganisationAdmin, type Actor } from '../auth/actor.ts';
import { iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';

/**
 * An establishment's shared mailboxes, for its admins (and platform admins) to pick from, e.g. as
 * a tele-expertise service's mailbox. Personal mailboxes are never listed: they are not the
 * establishment's to hand out. Reads addresses, counts and certificate presence only.
 */
export async function listOrganisationMailboxes(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  organisationId: string,
): Promise<OrganisationMailbox[]> {
  // Rights first: a foreign admin learns nothing, not even whether the establishment exists.
  requireOrganisationAdmin(actor, organisationId);
  const db = deps.db.read;
  const org = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  if (!org) fail('ORGANISATION_NOT_FOUND');
  const mailboxes = await db
    .selectFrom('mailboxes')
    .select(['id', 'address', 'kind', 'accepts_attachments'])
    .where('organisation_id', '=', organisationId)
    .where('kind', '!=', 'PER')
    .orderBy('address')
    .execute();
  if (mailboxes.length === 0) return [];
  const ids = mailboxes.map((m) => m.id);
  // Three plain queries rather than correlated subqueries: counts and booleans come back in the
  // same shape on SQLite and PostgreSQL.
  const memberRows = await db
    .selectFrom('mailbox_members')
    .select('mailbox_id')
    .where('mailbox_id', 'in', ids)
    .execute();
  const keyed = await db
    .selectFrom('pki_certificates')
    .select('mailbox_id')
    .where('mailbox_id', 'in', ids)
    .where('usage', '=', 'encryption')
    .where('state', '=', 'active')
    .where('not_after', '>', iso(deps.clock.now()))
    .execute();
  const members = new Map<string, number>();
  for (const row of memberRows) members.set(row.mailbox_id, (members.get(row.mailbox_id) ?? 0) + 1);
  const withKey = new Set(keyed.map((row) => row.mailbox_id));
  return mailboxes.map((m) => ({
    id: m.id,
    address: m.address,
    // The query excludes PER, so the kind is one of the shared ones.
    kind: m.kind as OrganisationMailbox['kind'],
    acceptsAttachments: m.accepts_attachments === 1,
    members: members.get(m.id) ?? 0,
    hasKey: withKey.has(m.id),
  }));
}
