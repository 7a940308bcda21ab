import type { NoticeThread } from '@liaison/core/notice/index';
import { Badge, Loader, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatActivity } from '../time.ts';
import { useNoticeThreads } from './useNotices.ts';

/** The establishments that sent the person notices, newest first, with their unread counts. */
export function NoticeThreadList(props: { selected?: string; onOpen: (organisationId: string) => void }) {
  const { t } = useTranslation();
  const threads = useNoticeThreads();
  if (threads.isPending) return <Loader size="sm" m="md" aria-label={t('notices.list.label')} />;
  if (threads.isError) return <ErrorAlert error={threads.error} />;
  if (threads.data.threads.length === 0) {
    return (
      <Text c="dimmed" size="sm" p="md" data-testid="notice-list-empty">
        {t('notices.list.empty')}
      </Text>
    );
  }
  return (
    <nav aria-label={t('notices.list.label')}>
      <Stack gap={2} data-testid="notice-list">
        {threads.data.threads.map((thread) => (
          <Row
            key={thread.organisationId}
            thread={thread}
            selected={thread.organisationId === props.selected}
            onOpen={props.onOpen}
          />
        ))}
      </Stack>
    </nav>
  );
}

function Row(props: { thread: NoticeThread; selected: boolean; onOpen: (organisationId: string) => void }) {
  const { t, i18n } = useTranslation();
  const { thread } = props;
  return (
    <NavLink
      component="button"
      type="button"
      onClick={() => props.onOpen(thread.organisationId)}
      active={props.selected}
      aria-current={props.selected ? 'page' : undefined}
      data-testid="notice-thread"
      data-unread={thread.unread > 0}
      label={
        <Text size="sm" fw={thread.unread > 0 ? 700 : 500} truncate="end">
          {thread.organisationName}
        </Text>
      }
      description={
        <Text span size="xs" c="dimmed">
          {t('notices.list.count', { count: thread.count })} ·{' '}
          {formatActivity(thread.lastAt, i18n.language, t)}
        </Text>
      }
      rightSection={
        thread.unread > 0 ? (
          <Badge
            size="sm"
            variant="filled"
            circle={thread.unread < 10}
            aria-label={t('notices.list.unread', { count: thread.unread })}
          >
            {thread.unread}
          </Badge>
        ) : null
      }
    />
  );
}
