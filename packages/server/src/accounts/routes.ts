import { CreateUserRequest, RegistrationRequest, RejectRequest } from '@liaison/core/api/accounts';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { optionalActor, requireActor } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';

const IdParams = z.strictObject({ id: z.uuid() });

export function accountRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/api/registrations',
    { schema: { body: RegistrationRequest, tags: ['accounts'] } },
    async (request, reply) => {
      const actor = await optionalActor(ctx, request);
      return reply.status(201).send(await ctx.registrations.submit(request.body, actor));
    },
  );

  app.get(
    '/api/registrations',
    {
      schema: {
        querystring: z.strictObject({
          status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
        }),
        tags: ['accounts'],
      },
    },
    async (request) => ctx.registrations.list(await requireActor(ctx, request), request.query.status),
  );

  app.post(
    '/api/registrations/:id/approve',
    { schema: { params: IdParams, tags: ['accounts'] } },
    async (request) => ctx.registrations.approve(await requireActor(ctx, request), request.params.id),
  );

  app.post(
    '/api/registrations/:id/reject',
    { schema: { params: IdParams, body: RejectRequest, tags: ['accounts'] } },
    async (request) =>
      ctx.registrations.reject(await requireActor(ctx, request), request.params.id, request.body.reason),
  );

  app.get('/api/me', { schema: { tags: ['accounts'] } }, async (request) => {
    const actor = await requireActor(ctx, request);
    return ctx.users.me(actor.userId);
  });

  app.post(
    '/api/users',
    { schema: { body: CreateUserRequest, tags: ['accounts'] } },
    async (request, reply) => {
      const id = await ctx.users.create(await requireActor(ctx, request), request.body);
      return reply.status(201).send(await ctx.users.me(id));
    },
  );
}
