import { api } from './client.ts';
import { arrayOf, boolean, integer, object, oneOf, schema, string } from './shapes.ts';

/**
 * Calls the tele-expertise service administration needs beyond api/teleexpertise.ts: the members of
 * a shared mailbox (the people who may be made experts of the service that uses it).
 */

// Contract: packages/server/src/mailboxes/keys.ts (MailboxKeyService.members, MailboxMember).
const checkMembers = object({
  rotationRequired: boolean,
  members: arrayOf(
    object({
      userId: string,
      firstName: string,
      lastName: string,
      access: oneOf(['owner', 'delegate']),
      missingWraps: arrayOf(integer),
    }),
  ),
});
export type MailboxMembers = ReturnType<typeof checkMembers>;
export type MailboxMemberView = MailboxMembers['members'][number];

/** Owners and delegates of a shared mailbox (the caller must be one: NOT_A_MEMBER otherwise). */
export function fetchMailboxMembers(mailboxId: string) {
  return api(`/api/mailboxes/${encodeURIComponent(mailboxId)}/members`, schema(checkMembers));
}

export const mailboxMembersKey = (mailboxId: string) => ['mailbox-members', mailboxId] as const;
