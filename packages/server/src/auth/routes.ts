import {
  LoginRequest,
  PasswordChangeRequest,
  TotpConfirmRequest,
  TotpVerifyRequest,
} from '@liaison/core/api/auth';
import type { AppContext } from '../context.ts';
import { clearSessionCookie, requireSession, sessionToken, setSessionCookie } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';
import { DEVICE_COOKIE } from '../devices/routes.ts';
import { tokenHash } from './tokens.ts';

const headerValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function authRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/api/auth/login',
    {
      schema: { body: LoginRequest, tags: ['auth'] },
      config: { rateLimit: { max: ctx.config.loginAttemptsPerAddress, timeWindow: '5 minutes' } },
    },
    async (request, reply) => {
      const { email, password, tokenType } = request.body;
      const result = await ctx.login.login(email, password, tokenType, request.ip);
      // A known device keeps its enrolment across logins (cookie for browsers, header for the CLI).
      const deviceToken = request.cookies[DEVICE_COOKIE] ?? headerValue(request.headers['x-liaison-device']);
      await ctx.devices.recognise(tokenHash(result.token), result.userId, deviceToken);
      if (tokenType === 'bearer') return { stage: result.stage, token: result.token };
      setSessionCookie(ctx, reply, result.token);
      return { stage: result.stage };
    },
  );

  app.post(
    '/api/auth/totp/verify',
    { schema: { body: TotpVerifyRequest, tags: ['auth'] } },
    async (request, reply) => {
      const session = await requireSession(ctx, request, 'partial');
      const result = await ctx.login.verifySecondFactor(session, request.body.code);
      if (session.kind === 'bearer') return { stage: result.stage, token: result.token };
      if (result.token) setSessionCookie(ctx, reply, result.token);
      return { stage: result.stage };
    },
  );

  app.post('/api/auth/totp/enrol', { schema: { tags: ['auth'] } }, async (request) => {
    const session = await requireSession(ctx, request, 'partial');
    return ctx.login.startTotpEnrolment(session);
  });

  app.post(
    '/api/auth/totp/confirm',
    { schema: { body: TotpConfirmRequest, tags: ['auth'] } },
    async (request, reply) => {
      const session = await requireSession(ctx, request, 'partial');
      const result = await ctx.login.confirmTotpEnrolment(session, request.body.code);
      if (session.kind === 'cookie' && result.token) setSessionCookie(ctx, reply, result.token);
      return {
        stage: result.stage,
        recoveryCodes: result.recoveryCodes,
        ...(session.kind === 'bearer' && result.token ? { token: result.token } : {}),
      };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const token = sessionToken(request);
    if (token) await ctx.sessions.revoke(token);
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  app.post(
    '/api/auth/password',
    { schema: { body: PasswordChangeRequest, tags: ['auth'] } },
    async (request, reply) => {
      const session = await requireSession(ctx, request);
      await ctx.login.changePassword(session, request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send();
    },
  );
}
