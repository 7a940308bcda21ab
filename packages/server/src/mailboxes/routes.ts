import { CreateMailboxRequest } from '@liaison/core/api/accounts';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';

export function mailboxRoutes(app: ZodApp, ctx: AppContext): void {
  app.get('/api/mailboxes', { schema: { tags: ['mailboxes'] } }, async (request) =>
    ctx.mailboxes.listMine(await requireActor(ctx, request)),
  );

  app.post(
    '/api/mailboxes',
    { schema: { body: CreateMailboxRequest, tags: ['mailboxes'] } },
    async (request, reply) => {
      const mailbox = await ctx.mailboxes.create(await requireActor(ctx, request), request.body);
      return reply.status(201).send(mailbox);
    },
  );
}
