import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ResolvedSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireSession, sessionToken } from '../http/session.ts';
import { currentSeq } from '../mail/store.ts';
import { ClientHub } from './hub.ts';

/** How often an open socket re-checks its session and memberships (ended sessions lose the socket). */
const RECHECK_MS = 60_000;

const sessions = new WeakMap<FastifyRequest, ResolvedSession>();

async function memberMailboxes(ctx: AppContext, userId: string) {
  return ctx.db.read
    .selectFrom('mailbox_members')
    .innerJoin('mailboxes', 'mailboxes.id', 'mailbox_members.mailbox_id')
    .select(['mailboxes.id', 'mailboxes.address'])
    .where('mailbox_members.user_id', '=', userId)
    .execute();
}

/**
 * `GET /api/ws`: a WebSocket that says "mailbox X changed, now at sequence N" after each commit. The
 * session is checked before the upgrade (cookie for the web app, bearer token for the CLI), so an
 * unauthenticated client gets a plain 401, never a socket.
 */
export async function websocketRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(fastifyWebsocket, { options: { maxPayload: 4096 } });
  const hub = new ClientHub(ctx.bus);
  app.addHook('onClose', () => hub.close());

  app.get(
    '/api/ws',
    {
      websocket: true,
      config: { rateLimit: false },
      schema: { hide: true },
      preValidation: async (request, reply) => {
        try {
          sessions.set(request, await requireSession(ctx, request));
        } catch (err) {
          const status = err instanceof AppError ? err.status : 500;
          const code = err instanceof AppError ? err.code : 'INTERNAL';
          await reply.status(status).send({ error: { code, message: 'sign in first' } });
        }
      },
    },
    async (socket, request) => {
      const session = sessions.get(request);
      if (!session) {
        socket.close(4401, 'not authenticated');
        return;
      }
      const mailboxes = await memberMailboxes(ctx, session.user.id);
      const client = hub.add(
        socket,
        session.user.id,
        mailboxes.map((m) => m.id),
      );
      const hello = {
        type: 'hello',
        mailboxes: await Promise.all(
          mailboxes.map(async (m) => ({ address: m.address, seq: await currentSeq(ctx.db.read, m.id) })),
        ),
      };
      socket.send(JSON.stringify(hello));
      const timer = setInterval(() => {
        ctx.sessions
          .resolve(sessionToken(request), { touch: false })
          .then(async (fresh) =>
            hub.follow(
              client,
              (await memberMailboxes(ctx, fresh.user.id)).map((m) => m.id),
            ),
          )
          .catch(() => socket.close(4401, 'session ended'));
      }, RECHECK_MS);
      timer.unref();
      socket.on('close', () => clearInterval(timer));
      // Clients only listen; anything they send is ignored. A broken frame (bad UTF-8, over
      // maxPayload) makes ws emit 'error' and close this socket only; the explicit listener keeps an
      // unhandled 'error' from ever reaching the process, whatever the plugin does by default.
      socket.on('message', () => undefined);
      socket.on('error', () => undefined);
    },
  );
}
