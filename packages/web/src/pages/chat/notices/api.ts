/** The notice routes of docs/api.md ("Patient movement notices"), checked against core's schemas. */
import { NoticePage, NoticeThreads } from '@liaison/core/notice/index';
import { api } from '../../../api/client.ts';

export { noticeKeys } from './keys.ts';

export function fetchNoticeThreads(): Promise<NoticeThreads> {
  return api('/api/chat/notices', NoticeThreads);
}

/** Where the next page starts: the last item's submission time and id (two may share a time). */
export interface NoticeCursor {
  before: string;
  beforeId: string;
}

export function fetchNoticePage(organisationId: string, cursor: NoticeCursor | null): Promise<NoticePage> {
  const query = cursor
    ? `?${new URLSearchParams({ before: cursor.before, beforeId: cursor.beforeId }).toString()}`
    : '';
  return api(`/api/chat/notices/${encodeURIComponent(organisationId)}${query}`, NoticePage);
}
