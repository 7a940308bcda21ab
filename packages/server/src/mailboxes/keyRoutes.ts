import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requireActor, requireSession } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';
import { checkSigner } from './signers.ts';

const MailboxParams = z.strictObject({ id: z.uuid() });
const Wraps = z
  .array(z.strictObject({ userId: z.uuid(), envelope: z.string().min(16).max(64_000) }))
  .min(1)
  .max(500);

/** Shared-mailbox members and key envelopes; key material goes only to enrolled devices. */
export function mailboxKeyRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/mailboxes/signer-check',
    {
      schema: {
        querystring: z.strictObject({
          address: z.string().min(3).max(254),
          serial: z.string().min(2).max(80),
          at: z.iso.datetime(),
        }),
        tags: ['mailboxes'],
      },
    },
    async (request) => {
      await requireActor(ctx, request);
      const { address, serial, at } = request.query;
      return checkSigner(ctx.db.read, address, serial, new Date(at).toISOString());
    },
  );

  app.get(
    '/api/mailboxes/:id/members',
    { schema: { params: MailboxParams, tags: ['mailboxes'] } },
    async (request) => ctx.mailboxKeys.members(await requireActor(ctx, request), request.params.id),
  );

  app.post(
    '/api/mailboxes/:id/members',
    {
      schema: {
        params: MailboxParams,
        body: z.strictObject({ userId: z.uuid(), access: z.enum(['owner', 'delegate']).default('delegate') }),
        tags: ['mailboxes'],
      },
    },
    async (request, reply) => {
      await ctx.mailboxKeys.addMember(
        await requireActor(ctx, request),
        request.params.id,
        request.body.userId,
        request.body.access,
      );
      return reply.status(204).send();
    },
  );

  app.delete(
    '/api/mailboxes/:id/members/:userId',
    { schema: { params: z.strictObject({ id: z.uuid(), userId: z.uuid() }), tags: ['mailboxes'] } },
    async (request, reply) => {
      await ctx.mailboxKeys.removeMember(
        await requireActor(ctx, request),
        request.params.id,
        request.params.userId,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/mailboxes/:id/keys',
    { schema: { params: MailboxParams, tags: ['mailboxes'] } },
    async (request) => {
      await ctx.devices.requireActiveDevice(await requireSession(ctx, request));
      return ctx.mailboxKeys.keysFor(await requireActor(ctx, request), request.params.id);
    },
  );

  app.post(
    '/api/mailboxes/:id/keys',
    {
      schema: {
        params: MailboxParams,
        body: z.strictObject({ certificateSerial: z.string().min(2).max(80), wraps: Wraps }),
        tags: ['mailboxes'],
      },
    },
    async (request, reply) => {
      await ctx.devices.requireActiveDevice(await requireSession(ctx, request));
      const actor = await requireActor(ctx, request);
      return reply
        .status(201)
        .send(
          await ctx.mailboxKeys.addVersion(
            actor,
            request.params.id,
            request.body.certificateSerial,
            request.body.wraps,
          ),
        );
    },
  );

  app.post(
    '/api/mailboxes/:id/keys/:keyId/wraps',
    {
      schema: {
        params: z.strictObject({ id: z.uuid(), keyId: z.uuid() }),
        body: z.strictObject({ wraps: Wraps }),
        tags: ['mailboxes'],
      },
    },
    async (request, reply) => {
      await ctx.devices.requireActiveDevice(await requireSession(ctx, request));
      await ctx.mailboxKeys.addWraps(
        await requireActor(ctx, request),
        request.params.id,
        request.params.keyId,
        request.body.wraps,
      );
      return reply.status(204).send();
    },
  );
}
