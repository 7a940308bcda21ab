import type { Mailbox, Me } from '@liaison/core/api/index';
import type { MailFolder, MailItem } from '@liaison/core/api/mail';
import type { DecryptRecipient } from '@liaison/core/crypto/index';
import { queryOptions, skipToken, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { queryKeys } from '../../api/keys.ts';
import { fetchCaChainPem, mailKeys } from '../../api/mail.ts';
import { fetchUserCertificates } from '../../api/pki.ts';
import { loadPersonalKeys, loadSharedMailboxKeys, usesOwnKeys } from '../../mailCrypto/keys.ts';
import { decryptSummary, openMail } from '../../mailCrypto/open.ts';
import { mailboxByAddress } from './mailboxes.ts';

/**
 * The queries behind the mail screens' cryptography. Decrypted content is cached by react-query
 * under `['mail-plain', userId]` (see api/mail.ts): in memory only, and dropped with everything else
 * when the person signs out (useLogout clears the query client).
 */

/** Only a lost connection or a server hiccup is worth another try; a crypto failure will not change. */
function retryNetwork(failureCount: number, error: unknown): boolean {
  return isApiError(error) && (error.status === 0 || error.status >= 500) && failureCount < 2;
}

export function personalKeysQuery(userId: string) {
  return queryOptions({
    queryKey: mailKeys.personalKeys(userId),
    queryFn: () => loadPersonalKeys(userId),
    // IndexedDB is cheap to read again: keys restored on the keys page show up within a minute.
    staleTime: 60_000,
    retry: false,
  });
}

export function decryptionKeysQuery(queryClient: QueryClient, me: Me, mailbox: Mailbox) {
  return queryOptions({
    queryKey: mailKeys.decryptionKeys(me.id, mailbox.address),
    queryFn: async (): Promise<DecryptRecipient[]> => {
      const personal = await queryClient.fetchQuery(personalKeysQuery(me.id));
      if (!usesOwnKeys(mailbox)) return personal.decryption;
      // Personal keys too: a letter to a shared mailbox may be addressed to a member directly as well.
      return [...(await loadSharedMailboxKeys(mailbox, personal)), ...personal.decryption];
    },
    staleTime: 5 * 60_000,
    retry: retryNetwork,
  });
}

const caChainQuery = queryOptions({
  queryKey: mailKeys.caChain,
  queryFn: fetchCaChainPem,
  staleTime: 60 * 60_000,
});

/** This browser's keys for the person: `error` says why mail cannot be read or sent here. */
export function usePersonalKeys(me: Me) {
  return useQuery(personalKeysQuery(me.id));
}

/** The serial of the person's current signing certificate (the one a new letter is signed with). */
export function useActiveSigningSerial(me: Me) {
  return useQuery({
    queryKey: queryKeys.certificates(me.id),
    queryFn: () => fetchUserCertificates(me.id),
    select: (certificates) =>
      certificates.find((c) => c.usage === 'signing' && c.state === 'active')?.serial ?? null,
  });
}

/** One list item's summary, decrypted on this device; cached for as long as the session lasts. */
export function useSummary(me: Me, item: MailItem) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: mailKeys.summary(me.id, item),
    queryFn: async () => {
      const mailbox = mailboxByAddress(me, item.mailbox);
      if (!mailbox) throw new Error(`not a mailbox of this account: ${item.mailbox}`);
      return decryptSummary(
        item,
        await queryClient.fetchQuery(decryptionKeysQuery(queryClient, me, mailbox)),
      );
    },
    staleTime: Infinity,
    retry: retryNetwork,
  });
}

/** A letter fetched, decrypted and verified; its ciphertext never changes, so it is fetched once. */
export function letterQuery(
  queryClient: QueryClient,
  me: Me,
  mailbox: Mailbox,
  folder: MailFolder | null,
  id: string,
) {
  return queryOptions({
    queryKey: mailKeys.letter(me.id, mailbox.address, folder, id),
    queryFn: async () => {
      const [recipients, caChainPem] = await Promise.all([
        queryClient.fetchQuery(decryptionKeysQuery(queryClient, me, mailbox)),
        queryClient.fetchQuery(caChainQuery),
      ]);
      return openMail({ address: mailbox.address, id, folder, recipients, caChainPem });
    },
    staleTime: Infinity,
    retry: retryNetwork,
  });
}

export function useOpenedMail(me: Me, mailbox: Mailbox | null, folder: MailFolder | null, id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: mailKeys.letter(me.id, mailbox?.address ?? '', folder, id ?? ''),
    // No mailbox of this person, or no id in the address: nothing to fetch (the page says so).
    queryFn: mailbox && id ? letterQuery(queryClient, me, mailbox, folder, id).queryFn : skipToken,
    staleTime: Infinity,
    retry: retryNetwork,
  });
}
