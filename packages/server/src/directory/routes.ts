import { DecideSubmissionRequest, DirectoryEntryInput, SubmissionQuery } from '@liaison/core/api/directory';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { optionalActor, requireActor } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';

const EntryParams = z.strictObject({ id: z.uuid() });
const OrgParams = z.strictObject({ organisationId: z.uuid() });
const OrgEntryParams = z.strictObject({ organisationId: z.uuid(), id: z.uuid() });
const SearchQuery = z.strictObject({
  q: z.string().max(200).default(''),
  specialty: z.string().max(10).optional(),
  organisationId: z.uuid().optional(),
  departement: z.string().max(3).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
const tags = ['directory'];

/** HTTP adapter of the directory: every rule is in DirectoryService. */
export function directoryRoutes(app: ZodApp, ctx: AppContext): void {
  app.get('/api/directory/search', { schema: { querystring: SearchQuery, tags } }, async (request) => {
    const { q, ...filters } = request.query;
    return ctx.directory.search(await optionalActor(ctx, request), {
      text: q,
      limit: filters.limit,
      offset: filters.offset,
      ...(filters.specialty !== undefined && { specialty: filters.specialty.toUpperCase() }),
      ...(filters.organisationId !== undefined && { organisationId: filters.organisationId }),
      ...(filters.departement !== undefined && { departement: filters.departement.toUpperCase() }),
    });
  });

  app.get('/api/directory/entries/:id', { schema: { params: EntryParams, tags } }, async (request) =>
    ctx.directory.entry(await optionalActor(ctx, request), request.params.id),
  );

  app.get('/api/directory/entries/:id/history', { schema: { params: EntryParams, tags } }, async (request) =>
    ctx.directory.history(await requireActor(ctx, request), request.params.id),
  );

  app.get(
    '/api/directory/organisations/:organisationId/entries',
    { schema: { params: OrgParams, tags } },
    async (request) =>
      ctx.directory.organisationEntries(await requireActor(ctx, request), request.params.organisationId),
  );

  app.post(
    '/api/directory/organisations/:organisationId/entries',
    { schema: { params: OrgParams, body: DirectoryEntryInput, tags } },
    async (request, reply) => {
      const actor = await requireActor(ctx, request);
      const result = await ctx.directory.submit(actor, request.params.organisationId, {
        action: 'create',
        input: request.body,
      });
      return reply.status(201).send(result);
    },
  );

  app.put(
    '/api/directory/organisations/:organisationId/entries/:id',
    { schema: { params: OrgEntryParams, body: DirectoryEntryInput, tags } },
    async (request) =>
      ctx.directory.submit(await requireActor(ctx, request), request.params.organisationId, {
        action: 'update',
        entryId: request.params.id,
        input: request.body,
      }),
  );

  app.delete(
    '/api/directory/organisations/:organisationId/entries/:id',
    { schema: { params: OrgEntryParams, tags } },
    async (request) =>
      ctx.directory.submit(await requireActor(ctx, request), request.params.organisationId, {
        action: 'remove',
        entryId: request.params.id,
      }),
  );

  app.get(
    '/api/directory/organisations/:organisationId/submissions',
    { schema: { params: OrgParams, tags } },
    async (request) =>
      ctx.directory.organisationSubmissions(await requireActor(ctx, request), request.params.organisationId),
  );

  app.get(
    '/api/directory/submissions',
    { schema: { querystring: SubmissionQuery, tags } },
    async (request) => {
      const { status, organisationId, limit, offset } = request.query;
      return ctx.directory.queue(await requireActor(ctx, request), {
        limit,
        offset,
        ...(status !== undefined && { status }),
        ...(organisationId !== undefined && { organisationId }),
      });
    },
  );

  app.post(
    '/api/directory/submissions/:id/decision',
    { schema: { params: EntryParams, body: DecideSubmissionRequest, tags } },
    async (request) =>
      ctx.directory.decide(await requireActor(ctx, request), request.params.id, request.body),
  );

  app.get(
    '/api/directory/rpps/:rpps',
    {
      schema: {
        params: z.strictObject({ rpps: z.string().regex(/^[0-9]{11}$/, 'expected 11 digits') }),
        tags,
      },
    },
    async (request) => ctx.directory.rpps(request.params.rpps),
  );

  app.get('/api/directory/retirements', { schema: { tags } }, async (request) =>
    ctx.directory.retirementFlags(await requireActor(ctx, request)),
  );
}
