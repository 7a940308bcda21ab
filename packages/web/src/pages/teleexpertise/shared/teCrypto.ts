import type { TeleexpertiseService } from '@liaison/core/api/teleexpertise';
import type { Me } from '@liaison/core/api/index';
import { readCertificate, type DecryptRecipient } from '@liaison/core/crypto/index';
import { queryOptions, skipToken, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../api/client.ts';
import { fetchMemberCertificates } from '../../../api/chat.ts';
import { teleexpertiseKeys } from '../../../api/teleexpertise.ts';
import { loadSharedMailboxKeys } from '../../../mailCrypto/keys.ts';
import { checkIssuedByInstance, usableForChat } from '../../chat/crypto/certificates.ts';
import { openBytes, sealBytes } from '../../chat/crypto/envelopes.ts';
import { caChainQuery } from '../../chat/useChatData.ts';
import { personalKeysQuery } from '../../mail/useMailCrypto.ts';

/**
 * The cryptography of tele-expertise on this device, shared by the requester's and the expert's
 * screens. A request, a note (question or information) and an answer are each one CMS EnvelopedData
 * to exactly two certificates: the service mailbox's current one (every expert holds a wrap of its
 * key) and the requester's active personal one. Both are checked before sealing: issued by this
 * instance's CA and valid now (a server cannot slip in a key of its own), and the service's naming
 * the service's address (one naming someone else would hand the patient to the wrong reader).
 */

/**
 * Why an envelope cannot be sealed, said precisely (teErrorMessage turns it into a sentence): the
 * service has no key yet, its certificate names another address, or the requester has no active
 * encryption certificate.
 */
export class TeSealError extends Error {
  constructor(
    readonly reason: 'service-no-certificate' | 'service-wrong-address' | 'no-personal-certificate',
    /** The person without a certificate (no-personal-certificate). */
    readonly userId: string | null = null,
  ) {
    super(reason);
    this.name = 'TeSealError';
  }
}

/** Only a lost connection or a server hiccup is worth another try; a crypto failure will not change. */
export function retryNetwork(failureCount: number, error: unknown): boolean {
  return isApiError(error) && (error.status === 0 || error.status >= 500) && failureCount < 2;
}

/** The service mailbox's certificate, checked; TeSealError, or CryptoError CERT_UNTRUSTED, otherwise. */
export async function serviceCertificate(
  service: Pick<TeleexpertiseService, 'encryptionCertificate' | 'mailboxAddress'>,
  caChainPem: string,
): Promise<string> {
  const pem = service.encryptionCertificate;
  if (!pem) throw new TeSealError('service-no-certificate');
  await checkIssuedByInstance(pem, caChainPem, new Date());
  if (!readCertificate(pem).emails.includes(service.mailboxAddress.toLowerCase())) {
    throw new TeSealError('service-wrong-address');
  }
  return pem;
}

/** A person's active, unexpired personal encryption certificate (the newest), checked. */
export async function personalEncryptionCertificate(userId: string, caChainPem: string): Promise<string> {
  const now = new Date();
  const all = await fetchMemberCertificates(userId);
  const usable = all
    .filter((c) => c.userId === userId && usableForChat(c, now))
    .sort((a, b) => b.notAfter.localeCompare(a.notAfter));
  const newest = usable[0];
  if (!newest) throw new TeSealError('no-personal-certificate', userId);
  await checkIssuedByInstance(newest.certificatePem, caChainPem, now);
  return newest.certificatePem;
}

/** The two certificates every envelope of a request is sealed to: the service's, then the requester's. */
export async function teRecipients(
  queryClient: QueryClient,
  input: {
    service: Pick<TeleexpertiseService, 'encryptionCertificate' | 'mailboxAddress'>;
    requesterUserId: string;
  },
): Promise<string[]> {
  const caChain = await queryClient.fetchQuery(caChainQuery);
  return Promise.all([
    serviceCertificate(input.service, caChain),
    personalEncryptionCertificate(input.requesterUserId, caChain),
  ]);
}

/** base64 CMS EnvelopedData of `content` to `recipients`. */
export function sealTe(content: Uint8Array, recipients: string[]): Promise<string> {
  return sealBytes(content, recipients);
}

export function openTe(envelope: string, keys: DecryptRecipient[]): Promise<Uint8Array> {
  return openBytes(envelope, keys);
}

/**
 * The keys that open a request's envelopes here: the person's own, plus, for an expert, the service
 * mailbox's key versions (unwrapped with their own key). A requester passes no mailbox.
 */
export function teKeysQuery(queryClient: QueryClient, me: Pick<Me, 'id'>, serviceMailboxId: string | null) {
  return queryOptions({
    queryKey: teleexpertiseKeys.serviceKeys(me.id, serviceMailboxId ?? 'personal'),
    queryFn: async (): Promise<DecryptRecipient[]> => {
      const personal = await queryClient.fetchQuery(personalKeysQuery(me.id));
      if (serviceMailboxId === null) return personal.decryption;
      const shared = await loadSharedMailboxKeys({ id: serviceMailboxId }, personal);
      return [...shared, ...personal.decryption];
    },
    staleTime: 5 * 60_000,
    retry: retryNetwork,
  });
}

export function useTeKeys(me: Pick<Me, 'id'>, serviceMailboxId: string | null) {
  const queryClient = useQueryClient();
  return useQuery(teKeysQuery(queryClient, me, serviceMailboxId));
}

/**
 * One envelope opened and decoded on this device, cached for the session (an envelope never
 * changes). `part` names it within the request ('request', 'answer', 'note-3'…). Disabled until the
 * keys are there. A failure (wrong keys, bad content) is the query's error, shown by the caller.
 */
export function useOpenedEnvelope<T>(input: {
  userId: string;
  requestId: string;
  part: string;
  envelope: string | null | undefined;
  keys: DecryptRecipient[] | undefined;
  decode: (bytes: Uint8Array) => T;
}) {
  const { envelope, keys, decode } = input;
  return useQuery({
    queryKey: teleexpertiseKeys.opened(input.userId, input.requestId, input.part),
    queryFn: envelope && keys ? async () => decode(await openTe(envelope, keys)) : skipToken,
    staleTime: Infinity,
    retry: false,
  });
}
