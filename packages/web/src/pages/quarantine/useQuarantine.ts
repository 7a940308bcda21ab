import type { HoldState } from '@liaison/core/api/mailHold';
import type { QuarantineItem } from '@liaison/core/api/usage';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import {
  fetchQuarantine,
  quarantineKeys,
  rejectHeldMessage,
  releaseHeldMessage,
} from '../../api/quarantine.ts';

const PAGE_SIZE = 20;

/** Mantine colours of the three states; the state is always said in words too. */
export const STATE_COLOURS: Record<HoldState, string> = {
  held: 'orange',
  released: 'teal',
  rejected: 'red',
};

/**
 * One state's messages, newest first, a page at a time. Held messages are asked for again every
 * minute: new ones arrive while a technician reviews, and the counts move with them.
 */
export function useQuarantineList(state: HoldState) {
  return useInfiniteQuery({
    queryKey: quarantineKeys.list(state),
    queryFn: ({ pageParam }) =>
      fetchQuarantine({ state, limit: PAGE_SIZE, ...(pageParam === null ? {} : { before: pageParam }) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.more ? (last.items.at(-1)?.hold.heldAt ?? null) : null),
    refetchInterval: state === 'held' ? 60_000 : false,
  });
}

export type DecisionKind = 'release' | 'reject';

export interface Decision {
  item: QuarantineItem;
  kind: DecisionKind;
  /** Required to reject; an optional note to release ('' for none). */
  reason: string;
}

/**
 * Releasing or rejecting one held message. Every list and count may have moved afterwards, and also
 * after a conflict (another technician decided first), so both refresh them.
 */
export function useDecision(onDone: () => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: quarantineKeys.lists });
  return useMutation({
    mutationFn: ({ item, kind, reason }: Decision) =>
      kind === 'reject'
        ? rejectHeldMessage(item.messageId, reason)
        : releaseHeldMessage(item.messageId, reason === '' ? {} : { reason }),
    onSuccess: async (_result, { item, kind }) => {
      onDone();
      notifications.show({
        color: kind === 'reject' ? 'orange' : 'green',
        message:
          kind === 'reject'
            ? t('quarantine.reject.done', { name: item.senderName })
            : t('quarantine.release.done', { name: item.senderName }),
      });
      await refresh();
    },
    onError: async (error) => {
      if (isApiError(error) && (error.code === 'HOLD_ALREADY_DECIDED' || error.code === 'HOLD_NOT_FOUND')) {
        await refresh();
      }
    },
  });
}
