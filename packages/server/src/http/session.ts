// The cookie plugin's type augmentation (request.cookies, reply.setCookie) travels with this module.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import type { ResolvedSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { actorFor } from '../accounts/userStore.ts';
import { fail } from '../errors.ts';

export const SESSION_COOKIE = 'liaison_session';

export function sessionToken(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return request.cookies[SESSION_COOKIE];
}

/** The session for this request; `partial` also accepts a password-only session (TOTP steps). */
export async function requireSession(
  ctx: AppContext,
  request: FastifyRequest,
  level: 'partial' | 'full' = 'full',
): Promise<ResolvedSession> {
  const session = await ctx.sessions.resolve(sessionToken(request));
  if (level === 'full' && session.level !== 'full') fail('SECOND_FACTOR_REQUIRED');
  return session;
}

export async function requireActor(ctx: AppContext, request: FastifyRequest): Promise<Actor> {
  const session = await requireSession(ctx, request);
  return actorFor(ctx.db.read, session.user.id);
}

/** The caller if signed in (full session), otherwise null: for endpoints open to anyone. */
export async function optionalActor(ctx: AppContext, request: FastifyRequest): Promise<Actor | null> {
  if (!sessionToken(request)) return null;
  return requireActor(ctx, request);
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.publicUrl.startsWith('https:'),
    // No maxAge: a browser session cookie; the server enforces the real lifetime.
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
