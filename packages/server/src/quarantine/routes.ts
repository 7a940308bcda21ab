import { QuarantineDecision, QuarantineQuery, SenderLimitRequest } from '@liaison/core/api/usage';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';

const HoldParams = z.strictObject({ id: z.uuid() });
const AddressParams = z.strictObject({ address: z.string().trim().toLowerCase().min(3).max(254) });
const tags = ['quarantine'];

/** Technicians' review of held messages and per-sender limits over HTTP: every rule is in the service. */
export function quarantineRoutes(app: ZodApp, ctx: AppContext): void {
  app.get('/api/admin/quarantine', { schema: { querystring: QuarantineQuery, tags } }, async (request) =>
    ctx.quarantine.list(await requireActor(ctx, request), request.query),
  );

  app.get('/api/admin/quarantine/:id', { schema: { params: HoldParams, tags } }, async (request) =>
    ctx.quarantine.item(await requireActor(ctx, request), request.params.id),
  );

  app.post(
    '/api/admin/quarantine/:id/release',
    { schema: { params: HoldParams, body: QuarantineDecision, tags } },
    async (request) =>
      ctx.quarantine.release(await requireActor(ctx, request), request.params.id, request.body),
  );

  app.post(
    '/api/admin/quarantine/:id/reject',
    { schema: { params: HoldParams, body: QuarantineDecision, tags } },
    async (request) =>
      ctx.quarantine.reject(await requireActor(ctx, request), request.params.id, request.body),
  );

  app.get('/api/admin/sender-limits', { schema: { tags } }, async (request) =>
    ctx.quarantine.limits(await requireActor(ctx, request)),
  );

  app.get('/api/admin/sender-limits/:address', { schema: { params: AddressParams, tags } }, async (request) =>
    ctx.quarantine.limit(await requireActor(ctx, request), request.params.address),
  );

  app.put(
    '/api/admin/sender-limits/:address',
    { schema: { params: AddressParams, body: SenderLimitRequest, tags } },
    async (request) =>
      ctx.quarantine.setLimit(await requireActor(ctx, request), request.params.address, request.body),
  );

  app.delete(
    '/api/admin/sender-limits/:address',
    { schema: { params: AddressParams, tags } },
    async (request, reply) => {
      await ctx.quarantine.removeLimit(await requireActor(ctx, request), request.params.address);
      return reply.status(204).send();
    },
  );
}
