import type { TePatient } from '@liaison/core/teleexpertise/requestContent';
import { decodeRequestContent } from '@liaison/core/teleexpertise/requestContent';
import { useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { fetchRequest, teleexpertiseKeys } from '../../../api/teleexpertise.ts';
import { openTe, retryNetwork, teKeysQuery } from './teCrypto.ts';

/**
 * The patient of a request, for lists: the summary carries no envelope (and the server no name), so
 * each row fetches its request and opens it here, lazily, once per session (react-query keeps it
 * under the viewer's plain-content key, dropped at sign-out).
 */

/** "DUPONT Marie": last name first, as French records list patients. */
export const patientLabel = (patient: Pick<TePatient, 'lastName' | 'firstName'>) =>
  `${patient.lastName.toLocaleUpperCase('fr-FR')} ${patient.firstName}`;

function patientQuery(
  queryClient: QueryClient,
  viewerId: string,
  requestId: string,
  mailboxId: string | null,
) {
  return {
    queryKey: teleexpertiseKeys.opened(viewerId, requestId, 'patient'),
    queryFn: async (): Promise<TePatient> => {
      const [detail, keys] = await Promise.all([
        queryClient.fetchQuery({
          queryKey: teleexpertiseKeys.request(requestId),
          queryFn: () => fetchRequest(requestId),
        }),
        queryClient.fetchQuery(teKeysQuery(queryClient, { id: viewerId }, mailboxId)),
      ]);
      return decodeRequestContent(await openTe(detail.envelope, keys)).patient;
    },
    staleTime: Infinity,
    retry: retryNetwork,
  };
}

/**
 * One request's patient; `serviceMailboxId` for an expert (null for the requester). `enabled`: false
 * until the row is on screen (see useSeenOnce).
 */
export function usePatient(
  viewerId: string,
  requestId: string,
  serviceMailboxId: string | null = null,
  enabled = true,
) {
  const queryClient = useQueryClient();
  return useQuery({ ...patientQuery(queryClient, viewerId, requestId, serviceMailboxId), enabled });
}

/** Several requests' patients at once (the follow-up picker), by request id. */
export function usePatients(viewerId: string, requestIds: readonly string[]): Map<string, TePatient> {
  const queryClient = useQueryClient();
  const results = useQueries({
    queries: requestIds.map((id) => patientQuery(queryClient, viewerId, id, null)),
  });
  const map = new Map<string, TePatient>();
  results.forEach((result, index) => {
    const id = requestIds[index];
    if (id && result.data) map.set(id, result.data);
  });
  return map;
}
