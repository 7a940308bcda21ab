import { z } from 'zod';
import { requireRole } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { requireActor, requireSession } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';

/** The device's own secret lives in its own cookie, sent only to the API, for about a year. */
export const DEVICE_COOKIE = 'liaison_device';
const DeviceName = z.string().trim().min(1).max(80);
const IdParams = z.strictObject({ id: z.uuid() });

export function deviceRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/api/devices',
    {
      schema: {
        body: z.strictObject({ name: DeviceName, kind: z.enum(['browser', 'cli']).default('browser') }),
        tags: ['devices'],
      },
    },
    async (request, reply) => {
      const session = await requireSession(ctx, request);
      const registered = await ctx.devices.register(session, request.body.name, request.body.kind);
      if (session.kind === 'cookie') {
        reply.setCookie(DEVICE_COOKIE, registered.deviceToken, {
          path: '/api',
          httpOnly: true,
          sameSite: 'strict',
          secure: ctx.config.publicUrl.startsWith('https:'),
          maxAge: 400 * 24 * 3600,
        });
        const { deviceToken: _kept, ...visible } = registered;
        return reply.status(201).send(visible);
      }
      return reply.status(201).send(registered);
    },
  );

  app.get(
    '/api/devices',
    { schema: { querystring: z.strictObject({ userId: z.uuid().optional() }), tags: ['devices'] } },
    async (request) => {
      const session = await requireSession(ctx, request);
      const userId = request.query.userId;
      if (!userId || userId === session.user.id) return ctx.devices.list(session.user.id, session.id);
      // Technicians look at someone else's devices to approve one for them.
      requireRole(await requireActor(ctx, request), 'technician', 'platform_admin');
      return ctx.devices.list(userId, null);
    },
  );

  app.post(
    '/api/devices/approve',
    {
      schema: {
        body: z.strictObject({
          code: z
            .string()
            .trim()
            .regex(/^[0-9]{3}\s?[0-9]{3}$/, 'expected a 6-digit code'),
        }),
        tags: ['devices'],
      },
    },
    async (request) => ctx.devices.approveByCode(await requireSession(ctx, request), request.body.code),
  );

  app.post('/api/devices/:id/approve', { schema: { params: IdParams, tags: ['devices'] } }, async (request) =>
    ctx.devices.approveByTechnician(await requireActor(ctx, request), request.params.id),
  );

  app.post(
    '/api/devices/:id/revoke',
    { schema: { params: IdParams, tags: ['devices'] } },
    async (request, reply) => {
      await ctx.devices.revoke(await requireActor(ctx, request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/devices/connectors',
    { schema: { body: z.strictObject({ name: DeviceName }), tags: ['devices'] } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await ctx.devices.createConnector(await requireSession(ctx, request), request.body.name)),
  );

  app.get('/api/keys/backup', { schema: { tags: ['keys'] } }, async (request) =>
    ctx.keyBackups.get(await requireSession(ctx, request)),
  );

  app.put(
    '/api/keys/backup',
    {
      schema: {
        body: z.strictObject({
          backup: z.string().min(4).max(800_000),
          expectedVersion: z.number().int().positive().nullable(),
        }),
        tags: ['keys'],
      },
    },
    async (request) =>
      ctx.keyBackups.put(
        await requireSession(ctx, request),
        request.body.backup,
        request.body.expectedVersion,
      ),
  );
}
