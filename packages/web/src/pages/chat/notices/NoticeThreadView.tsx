import type { Me } from '@liaison/core/api/index';
import type { MailItem } from '@liaison/core/api/mail';
import { Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useSession } from '../../../lib/session.ts';
import { NoticeCard } from './NoticeCard.tsx';
import { useMarkNoticeRead, useNoticeThread, useNoticeThreads } from './useNotices.ts';

/** One establishment's notices to the person, newest first, as cards; shown ones are marked read. */
export function NoticeThreadView(props: { organisationId: string }) {
  const session = useSession();
  if (session.isPending) return <Loader size="sm" m="md" />;
  if (session.isError) return <ErrorAlert error={session.error} />;
  // RequireSession around the chat page keeps signed-out people away; nothing to show without one.
  if (!session.data) return null;
  return <Thread me={session.data} organisationId={props.organisationId} />;
}

function Thread({ me, organisationId }: { me: Me; organisationId: string }) {
  const { t } = useTranslation();
  const thread = useNoticeThread(organisationId);
  const name = useNoticeThreads().data?.threads.find(
    (x) => x.organisationId === organisationId,
  )?.organisationName;
  const items = thread.data?.pages.flatMap((page) => page.items) ?? [];
  useMarkShownRead(items);

  if (thread.isPending) return <Loader size="sm" m="md" />;
  if (thread.isError) return <ErrorAlert error={thread.error} />;
  return (
    <Stack component="section" gap="sm" aria-label={t('notices.thread.label', { organisation: name ?? '' })}>
      {name !== undefined ? <Title order={2}>{name}</Title> : null}
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('notices.thread.empty')}
        </Text>
      ) : (
        items.map((item) => <NoticeCard key={item.id} me={me} item={item} />)
      )}
      {thread.hasNextPage ? (
        <Button
          variant="subtle"
          loading={thread.isFetchingNextPage}
          onClick={() => void thread.fetchNextPage()}
        >
          {t('notices.thread.more')}
        </Button>
      ) : null}
    </Stack>
  );
}

/** Each unread notice once: a notice on screen is a notice read, as an opened letter is. */
function useMarkShownRead(items: readonly MailItem[]): void {
  const markRead = useMarkNoticeRead();
  const asked = useRef(new Set<string>());
  useEffect(() => {
    for (const item of items) {
      if (item.read || asked.current.has(item.id)) continue;
      asked.current.add(item.id);
      markRead.mutate(item);
    }
  }, [items, markRead]);
}
