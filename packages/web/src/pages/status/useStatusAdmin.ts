import type { AddStatusUpdateRequest, CreateStatusEventRequest } from '@liaison/core/api/status';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addStatusUpdate,
  createStatusEvent,
  fetchStatusAlerts,
  fetchStatusEvents,
  statusKeys,
} from '../../api/status.ts';

/** Everything a post can change: the technicians' list, the public page, and the alert queue. */
function useRefreshAfterPost() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: statusKeys.events }),
      queryClient.invalidateQueries({ queryKey: statusKeys.public }),
      queryClient.invalidateQueries({ queryKey: statusKeys.alerts }),
    ]);
}

export function useStatusEvents() {
  return useQuery({ queryKey: statusKeys.events, queryFn: fetchStatusEvents });
}

/** Alert emails leave in the background and are retried: their queue is asked for again every 30 s. */
export function useStatusAlerts() {
  return useQuery({ queryKey: statusKeys.alerts, queryFn: fetchStatusAlerts, refetchInterval: 30_000 });
}

export function useCreateStatusEvent() {
  const refresh = useRefreshAfterPost();
  return useMutation({
    mutationFn: (body: CreateStatusEventRequest) => createStatusEvent(body),
    onSuccess: async () => {
      await refresh();
    },
  });
}

export function useAddStatusUpdate() {
  const refresh = useRefreshAfterPost();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AddStatusUpdateRequest }) => addStatusUpdate(id, body),
    onSuccess: async () => {
      await refresh();
    },
    // Gone meanwhile (another technician, a purge): the list shows what is left.
    onError: async () => {
      await refresh();
    },
  });
}
