import { useQuery } from '@tanstack/react-query';
import { mailKeys, searchRecipients } from '../../api/mail.ts';

/**
 * The name a mailbox is known by ("Claire Martin", "CH Vannes – Cardiologie"), from the recipient
 * search: a letter's envelope carries addresses only. Null while unknown; the address is shown then.
 */
export function useDirectoryName(address: string): string | null {
  const query = useQuery({
    queryKey: mailKeys.recipients(address),
    queryFn: ({ signal }) => searchRecipients(address, signal),
    enabled: address.length >= 2,
    staleTime: 10 * 60_000,
    retry: false,
    select: (found) => found.find((r) => r.address === address.toLowerCase())?.displayName ?? null,
  });
  return query.data ?? null;
}
