import {
  MailListQuery,
  MailRecipient,
  SubmitMessageRequest,
  UpdateMailItemRequest,
} from '@liaison/core/api/mail';
import { MailPrecheckRequest } from '@liaison/core/api/usage';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requireSession } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';
import { searchRecipients } from './directory.ts';

/**
 * The shared contract checks base64 with a regular expression, fine on a device; on the server, which
 * takes every letter of the network, the blobs are checked by decoding them (decodeBlobs), in native
 * code, instead of running a regex over every byte.
 */
const SubmitBody = SubmitMessageRequest.extend({
  body: z.string().min(1),
  summary: z.string().min(1),
});

const BoxParams = z.strictObject({ address: z.string().trim().toLowerCase().min(3).max(254) });
const ItemParams = BoxParams.extend({ id: z.uuid() });
const FolderQuery = z.strictObject({ folder: z.enum(['inbox', 'sent']).optional() });

/**
 * Secure mail over HTTP. Submissions carry base64 ciphertext in JSON, so their body limit follows the
 * configured letter size (base64 is 4/3 of the bytes) rather than the small default of other routes.
 */
export function mailRoutes(app: ZodApp, ctx: AppContext): void {
  const submitLimit = Math.ceil((ctx.config.mailMaxBytes * 4) / 3) + 256 * 1024;

  app.post(
    '/api/mail/messages',
    { bodyLimit: submitLimit, schema: { body: SubmitBody, tags: ['mail'] } },
    async (request, reply) => {
      const session = await requireSession(ctx, request);
      const { created, message } = await ctx.mail.submit(session, request.body);
      // 202: accepted and stored, but held for a technician's review (charter article 5).
      const status = !created ? 200 : message.hold ? 202 : 201;
      return reply.status(status).send(message);
    },
  );

  app.post(
    '/api/mail/precheck',
    { schema: { body: MailPrecheckRequest, tags: ['mail'] } },
    async (request) => {
      const session = await requireSession(ctx, request);
      return ctx.mail.precheck(session.user.id, request.body);
    },
  );

  app.get(
    '/api/mail/messages/:id/status',
    { schema: { params: z.strictObject({ id: z.uuid() }), tags: ['mail'] } },
    async (request) => {
      const session = await requireSession(ctx, request);
      return ctx.mail.status(session.user.id, request.params.id);
    },
  );

  app.get(
    '/api/mail/recipients',
    {
      schema: {
        querystring: z.strictObject({ q: z.string().trim().min(2).max(100) }),
        response: { 200: z.array(MailRecipient) },
        tags: ['mail'],
      },
    },
    async (request) => {
      await requireSession(ctx, request);
      return searchRecipients(ctx.db, request.query.q, ctx.clock.now());
    },
  );

  app.get(
    '/api/mail/boxes/:address/messages',
    { schema: { params: BoxParams, querystring: MailListQuery, tags: ['mail'] } },
    async (request) => {
      const session = await requireSession(ctx, request);
      return ctx.mail.list(session.user.id, request.params.address, request.query);
    },
  );

  app.get(
    '/api/mail/boxes/:address/messages/:id',
    { schema: { params: ItemParams, querystring: FolderQuery, tags: ['mail'] } },
    async (request) => {
      const session = await requireSession(ctx, request);
      const { address, id } = request.params;
      return ctx.mail.fetch(session.user.id, address, id, request.query.folder);
    },
  );

  app.patch(
    '/api/mail/boxes/:address/messages/:id',
    {
      schema: { params: ItemParams, querystring: FolderQuery, body: UpdateMailItemRequest, tags: ['mail'] },
    },
    async (request) => {
      const session = await requireSession(ctx, request);
      const { address, id } = request.params;
      return ctx.mail.update(session.user.id, address, id, request.body, request.query.folder);
    },
  );

  app.delete(
    '/api/mail/boxes/:address/messages/:id',
    { schema: { params: ItemParams, querystring: FolderQuery, tags: ['mail'] } },
    async (request, reply) => {
      const session = await requireSession(ctx, request);
      const { address, id } = request.params;
      await ctx.mail.remove(session.user.id, address, id, request.query.folder);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/mail/boxes/:address/messages/:id/ack',
    { schema: { params: ItemParams, tags: ['mail'] } },
    async (request) => {
      const session = await requireSession(ctx, request);
      return ctx.mail.acknowledge(session, request.params.address, request.params.id);
    },
  );
}
