import {
  CreateOrganisationRequest,
  OrganisationMailboxList,
  UpdateOrganisationRequest,
} from '@liaison/core/api/organisations';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';
import { accountsCsv } from './accountsCsv.ts';
import { listOrganisationMailboxes } from './mailboxList.ts';

const IdParams = z.strictObject({ id: z.uuid() });

export function organisationRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/organisations/search',
    {
      schema: {
        querystring: z.strictObject({ q: z.string().max(100).default('') }),
        tags: ['organisations'],
      },
    },
    async (request) => ctx.organisations.search(request.query.q),
  );

  app.get(
    '/api/organisations',
    {
      schema: {
        querystring: z.strictObject({ incomplete: z.enum(['true', 'false']).optional() }),
        tags: ['organisations'],
      },
    },
    async (request) =>
      ctx.organisations.list(await requireActor(ctx, request), request.query.incomplete === 'true'),
  );

  app.post(
    '/api/organisations',
    { schema: { body: CreateOrganisationRequest, tags: ['organisations'] } },
    async (request, reply) => {
      const org = await ctx.organisations.create(await requireActor(ctx, request), request.body);
      return reply.status(201).send(org);
    },
  );

  app.get(
    '/api/organisations/:id',
    { schema: { params: IdParams, tags: ['organisations'] } },
    async (request) => ctx.organisations.get(await requireActor(ctx, request), request.params.id),
  );

  app.patch(
    '/api/organisations/:id',
    { schema: { params: IdParams, body: UpdateOrganisationRequest, tags: ['organisations'] } },
    async (request) =>
      ctx.organisations.update(await requireActor(ctx, request), request.params.id, request.body),
  );

  app.get(
    '/api/organisations/:id/accounts',
    { schema: { params: IdParams, tags: ['organisations'] } },
    async (request) => ctx.organisations.accounts(await requireActor(ctx, request), request.params.id),
  );

  app.get(
    '/api/organisations/:id/accounts.csv',
    { schema: { params: IdParams, tags: ['organisations'] } },
    async (request, reply) => {
      const actor = await requireActor(ctx, request);
      const rows = await ctx.organisations.accounts(actor, request.params.id);
      const shared = await ctx.organisations.sharedMailboxes(actor, request.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="comptes-${request.params.id}.csv"`)
        .send(accountsCsv(rows, shared));
    },
  );

  app.get(
    '/api/organisations/:id/mailboxes',
    { schema: { params: IdParams, response: { 200: OrganisationMailboxList }, tags: ['organisations'] } },
    async (request) => listOrganisationMailboxes(ctx, await requireActor(ctx, request), request.params.id),
  );
}
