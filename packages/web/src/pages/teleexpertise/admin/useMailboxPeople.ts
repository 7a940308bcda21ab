import type { TeleexpertiseService } from '@liaison/core/api/teleexpertise';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../api/keys.ts';
import { fetchAccounts } from '../../../api/organisations.ts';
import { fetchMailboxMembers, mailboxMembersKey } from '../../../api/teleexpertiseExpert.ts';

export interface MailboxPerson {
  userId: string;
  name: string;
}

/**
 * Who may become an expert: the owners and delegates of the service mailbox. Its member list is
 * open to members only; an admin outside the mailbox gets it from the establishment's accounts
 * (each lists its mailboxes), which an establishment or platform admin may read.
 */
export function useMailboxPeople(
  service: Pick<TeleexpertiseService, 'mailboxId' | 'mailboxAddress' | 'organisationId'>,
) {
  const members = useQuery({
    queryKey: mailboxMembersKey(service.mailboxId),
    queryFn: () => fetchMailboxMembers(service.mailboxId),
    retry: false,
  });
  const accounts = useQuery({
    queryKey: queryKeys.accounts(service.organisationId),
    queryFn: () => fetchAccounts(service.organisationId),
    enabled: members.isError,
    retry: false,
  });
  const address = service.mailboxAddress.toLowerCase();
  const people: MailboxPerson[] | undefined = members.data
    ? members.data.members.map((m) => ({ userId: m.userId, name: `${m.firstName} ${m.lastName}` }))
    : accounts.data
      ? accounts.data
          .filter((a) => a.mailboxes.some((m) => m.address.toLowerCase() === address))
          .map((a) => ({ userId: a.userId, name: `${a.firstName} ${a.lastName}` }))
      : undefined;
  return {
    people,
    isPending: people === undefined && !(members.isError && accounts.isError),
    error: members.isError && accounts.isError ? accounts.error : null,
  };
}
