import {
  AddStatusUpdateRequest,
  CreateStatusEventRequest,
  PublicStatus,
  StatusAlertDelivery,
  StatusEvent,
  StatusEventPosted,
} from '@liaison/core/api/status';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';
import { ATOM_TYPE } from './atom.ts';

const EventParams = z.strictObject({ id: z.uuid() });
const tags = ['status'];
// During an incident everyone reloads the page: a short shared cache absorbs that without hiding news long.
const PUBLIC_CACHE = 'public, max-age=30';

/**
 * Service status over HTTP:
 * - GET /api/status and GET /api/status.atom: anyone, no account (the page must work when sign-in does not);
 * - /api/admin/status/…: technicians and platform admins post events and updates and follow the alerts.
 */
export function statusRoutes(app: ZodApp, ctx: AppContext): void {
  app.get('/api/status', { schema: { response: { 200: PublicStatus }, tags } }, async (_request, reply) => {
    const status = await ctx.status.publicStatus();
    return reply.header('cache-control', PUBLIC_CACHE).send(status);
  });

  app.get('/api/status.atom', { schema: { tags } }, async (_request, reply) => {
    const xml = await ctx.status.atom();
    return reply.type(ATOM_TYPE).header('cache-control', PUBLIC_CACHE).send(xml);
  });

  app.get(
    '/api/admin/status/events',
    { schema: { response: { 200: z.array(StatusEvent) }, tags } },
    async (request) => ctx.status.list(await requireActor(ctx, request)),
  );

  app.post(
    '/api/admin/status/events',
    { schema: { body: CreateStatusEventRequest, response: { 201: StatusEventPosted }, tags } },
    async (request, reply) => {
      const posted = await ctx.status.create(await requireActor(ctx, request), request.body);
      return reply.status(201).send(posted);
    },
  );

  app.post(
    '/api/admin/status/events/:id/updates',
    {
      schema: {
        params: EventParams,
        body: AddStatusUpdateRequest,
        response: { 201: StatusEventPosted },
        tags,
      },
    },
    async (request, reply) => {
      const actor = await requireActor(ctx, request);
      const posted = await ctx.status.addUpdate(actor, request.params.id, request.body);
      return reply.status(201).send(posted);
    },
  );

  app.get(
    '/api/admin/status/alerts',
    { schema: { response: { 200: StatusAlertDelivery }, tags } },
    async (request) => ctx.status.alertDelivery(await requireActor(ctx, request)),
  );
}
