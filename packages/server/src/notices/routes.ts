/**
 * The GP's patient movement notices for the chat view: threads by establishment, and a thread's
 * notices as mail items with their encrypted summaries (the card is drawn from the summary).
 */
import { NoticePage, NoticePageQuery, NoticeThreads } from '@liaison/core/notice/index';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requireSession } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';
import { NoticeService } from './service.ts';

const tags = ['notices'];

export function noticeRoutes(app: ZodApp, ctx: AppContext): void {
  const notices = new NoticeService(ctx.db.read);

  app.get('/api/chat/notices', { schema: { response: { 200: NoticeThreads }, tags } }, async (request) => {
    const session = await requireSession(ctx, request);
    return notices.threads(session.user.id);
  });

  app.get(
    '/api/chat/notices/:organisationId',
    {
      schema: {
        params: z.strictObject({ organisationId: z.uuid() }),
        querystring: NoticePageQuery,
        response: { 200: NoticePage },
        tags,
      },
    },
    async (request) => {
      const session = await requireSession(ctx, request);
      return notices.page(session.user.id, request.params.organisationId, request.query);
    },
  );
}
