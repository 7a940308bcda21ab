/**
 * The notice threads and a thread's pages through react-query. The notices themselves are drawn from
 * the encrypted summaries, decrypted here with the person's keys (useSummary, as the mail list does).
 */
import type { MailItem } from '@liaison/core/api/mail';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { mailKeys, updateMailItem } from '../../../api/mail.ts';
import { fetchNoticePage, fetchNoticeThreads, noticeKeys, type NoticeCursor } from './api.ts';

export function useNoticeThreads() {
  return useQuery({ queryKey: noticeKeys.threads, queryFn: fetchNoticeThreads, staleTime: 30_000 });
}

export function useNoticeThread(organisationId: string) {
  return useInfiniteQuery({
    queryKey: noticeKeys.thread(organisationId),
    queryFn: ({ pageParam }) => fetchNoticePage(organisationId, pageParam),
    initialPageParam: null as NoticeCursor | null,
    getNextPageParam: (page): NoticeCursor | null => {
      const last = page.items.at(-1);
      return page.more && last ? { before: last.submittedAt, beforeId: last.id } : null;
    },
  });
}

/** Marks a shown notice read with the ordinary mail route, so the mailbox agrees. */
export function useMarkNoticeRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (item: Pick<MailItem, 'mailbox' | 'id'>) =>
      updateMailItem(item.mailbox, item.id, 'inbox', { read: true }),
    onSuccess: async (_item, { mailbox }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: noticeKeys.all }),
        queryClient.invalidateQueries({ queryKey: mailKeys.box(mailbox) }),
      ]);
    },
  });
}
