import {
  AddChatMembersRequest,
  ChangeChatRoleRequest,
  ChatReceiptRequest,
  ChatSyncQuery,
  CreateConversationRequest,
  MAX_CHAT_PHOTO_ENVELOPE_BYTES,
  MAX_CHAT_TEXT_ENVELOPE_BYTES,
  photoMatchesKind,
  RenameConversationRequest,
  SendChatMessageFields,
} from '@liaison/core/api/chat';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requireSession } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';
import type { ChatCaller } from './service.ts';

const ConversationParams = z.strictObject({ id: z.uuid() });
const MemberParams = ConversationParams.extend({ userId: z.uuid() });

/**
 * The envelope is checked by decoding it (native code) in the service, rather than by a regex over
 * every character here, as mail does for its blobs.
 */
const SendBody = SendChatMessageFields.extend({
  envelope: z.string().min(1),
  photo: z.string().min(1).optional(),
}).refine(...photoMatchesKind);

/** Base64 of the largest photo and card envelopes, plus room for the JSON around them. */
const SEND_BODY_LIMIT =
  Math.ceil(((MAX_CHAT_TEXT_ENVELOPE_BYTES + MAX_CHAT_PHOTO_ENVELOPE_BYTES) * 4) / 3) + 16 * 1024;

const PhotoParams = ConversationParams.extend({ messageId: z.uuid() });

async function caller(ctx: AppContext, request: FastifyRequest): Promise<ChatCaller> {
  const session = await requireSession(ctx, request);
  return { userId: session.user.id, deviceId: session.deviceId };
}

/** Instant messaging over HTTP: conversations, membership, send, sync and receipts. */
export function chatRoutes(app: ZodApp, ctx: AppContext): void {
  const tags = ['chat'];

  app.get('/api/chat/conversations', { schema: { tags } }, async (request) =>
    ctx.chat.list(await caller(ctx, request)),
  );

  app.post(
    '/api/chat/conversations',
    { schema: { body: CreateConversationRequest, tags } },
    async (request, reply) => {
      const { created, conversation } = await ctx.chat.create(await caller(ctx, request), request.body);
      return reply.status(created ? 201 : 200).send(conversation);
    },
  );

  app.get('/api/chat/conversations/:id', { schema: { params: ConversationParams, tags } }, async (request) =>
    ctx.chat.get(await caller(ctx, request), request.params.id),
  );

  app.patch(
    '/api/chat/conversations/:id',
    { schema: { params: ConversationParams, body: RenameConversationRequest, tags } },
    async (request) => ctx.chat.rename(await caller(ctx, request), request.params.id, request.body.name),
  );

  app.post(
    '/api/chat/conversations/:id/members',
    { schema: { params: ConversationParams, body: AddChatMembersRequest, tags } },
    async (request) =>
      ctx.chat.addMembers(await caller(ctx, request), request.params.id, request.body.userIds),
  );

  app.patch(
    '/api/chat/conversations/:id/members/:userId',
    { schema: { params: MemberParams, body: ChangeChatRoleRequest, tags } },
    async (request) =>
      ctx.chat.changeRole(
        await caller(ctx, request),
        request.params.id,
        request.params.userId,
        request.body.role,
      ),
  );

  app.delete(
    '/api/chat/conversations/:id/members/:userId',
    { schema: { params: MemberParams, tags } },
    async (request, reply) => {
      await ctx.chat.removeMember(await caller(ctx, request), request.params.id, request.params.userId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/chat/conversations/:id/messages',
    { bodyLimit: SEND_BODY_LIMIT, schema: { params: ConversationParams, body: SendBody, tags } },
    async (request, reply) => {
      const { created, message } = await ctx.chat.send(
        await caller(ctx, request),
        request.params.id,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(message);
    },
  );

  app.get(
    '/api/chat/conversations/:id/messages',
    { schema: { params: ConversationParams, querystring: ChatSyncQuery, tags } },
    async (request) => ctx.chat.sync(await caller(ctx, request), request.params.id, request.query),
  );

  app.get(
    '/api/chat/conversations/:id/messages/:messageId/photo',
    { schema: { params: PhotoParams, tags } },
    async (request) =>
      ctx.chat.photo(await caller(ctx, request), request.params.id, request.params.messageId),
  );

  for (const which of ['read', 'delivered'] as const) {
    app.post(
      `/api/chat/conversations/:id/${which}`,
      { schema: { params: ConversationParams, body: ChatReceiptRequest, tags } },
      async (request) => {
        const who = await caller(ctx, request);
        await ctx.chat.receipt(who, request.params.id, which, request.body);
        return ctx.chat.get(who, request.params.id);
      },
    );
  }
}
