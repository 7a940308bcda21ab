import type { Me } from '@liaison/core/api/index';
import type { TeleexpertiseRequestDetail } from '@liaison/core/api/teleexpertise';
import { decodeRequestContent } from '@liaison/core/teleexpertise/requestContent';
import { useQuery } from '@tanstack/react-query';
import { fetchRequest, teleexpertiseKeys } from '../../../../api/teleexpertise.ts';
import { useOpenedEnvelope, useTeKeys } from '../../shared/teCrypto.ts';

/**
 * A request's envelope opened with the service mailbox's keys (unwrapped with this browser's personal
 * key), then held to the request schema of core: decodeRequestContent throws ResponseError naming the
 * field when a sender put anything else in it. Decrypted content stays in memory for the session.
 */
export function useOpenedRequest(
  me: Me,
  detail: Pick<TeleexpertiseRequestDetail, 'id' | 'envelope'> | undefined,
  serviceMailboxId: string | null,
) {
  const keys = useTeKeys(me, serviceMailboxId);
  const opened = useOpenedEnvelope({
    userId: me.id,
    requestId: detail?.id ?? '',
    part: 'request',
    envelope: detail?.envelope,
    keys: serviceMailboxId === null ? undefined : keys.data,
    decode: decodeRequestContent,
  });
  return { keys, opened };
}

/** A queue row's patient: the detail is fetched (it holds the envelope), then opened like above. */
export function useRequestPatient(me: Me, requestId: string, serviceMailboxId: string | null) {
  const detail = useQuery({
    queryKey: teleexpertiseKeys.request(requestId),
    queryFn: () => fetchRequest(requestId),
    staleTime: 60_000,
  });
  const { keys, opened } = useOpenedRequest(me, detail.data, serviceMailboxId);
  const error = detail.error ?? keys.error ?? opened.error;
  return { patient: opened.data?.patient ?? null, error };
}
