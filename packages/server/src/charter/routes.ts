import { Charter } from '@liaison/core/api/accounts';
import { AcceptCharterRequest, CharterVersionInfo, PublishCharterRequest } from '@liaison/core/api/charter';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';

/**
 * The charter over HTTP:
 * - GET /api/charter?lang=fr|en (anyone): the version in force. Version 1, shipped with Liaison, has
 *   `publishedAt: null`.
 * - POST /api/charter/accept {version} (full session): records the acceptance and answers the updated
 *   `Me`, so a client can drop its "accept the new charter" screen without another request.
 * - GET /api/admin/charter/versions (platform admin): every version with its acceptance count.
 * - POST /api/admin/charter {fr, en} (platform admin): publishes the next version; 201 with it in French.
 */
export function charterRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/charter',
    {
      schema: {
        querystring: z.strictObject({ lang: z.enum(['fr', 'en']).default('fr') }),
        response: { 200: Charter },
        tags: ['charter'],
      },
    },
    (request) => ctx.charter.current(request.query.lang),
  );

  app.post(
    '/api/charter/accept',
    { schema: { body: AcceptCharterRequest, tags: ['charter'] } },
    async (request) => {
      const actor = await requireActor(ctx, request);
      await ctx.charter.accept(actor.userId, request.body.version);
      return ctx.users.me(actor.userId);
    },
  );

  app.get(
    '/api/admin/charter/versions',
    { schema: { response: { 200: z.array(CharterVersionInfo) }, tags: ['charter'] } },
    async (request) => ctx.charter.versions(await requireActor(ctx, request)),
  );

  app.post(
    '/api/admin/charter',
    { schema: { body: PublishCharterRequest, response: { 201: Charter }, tags: ['charter'] } },
    async (request, reply) => {
      const actor = await requireActor(ctx, request);
      return reply.status(201).send(await ctx.charter.publish(actor, request.body));
    },
  );
}
