import { ActivationRequest, SetupRequest } from '@liaison/core/api/auth';
import type { AppContext } from '../context.ts';
import { setSessionCookie } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';

export function setupRoutes(app: ZodApp, ctx: AppContext): void {
  app.get('/api/setup/status', { schema: { tags: ['setup'] } }, async () => ({
    needsSetup: await ctx.setup.needsSetup(),
  }));

  app.post('/api/setup', { schema: { body: SetupRequest, tags: ['setup'] } }, async (request, reply) => {
    const userId = await ctx.setup.completeSetup(request.body);
    setSessionCookie(ctx, reply, await ctx.sessions.create(userId, 'partial', 'cookie'));
    return { stage: 'enrol-totp' as const };
  });

  app.post(
    '/api/activate',
    { schema: { body: ActivationRequest, tags: ['setup'] } },
    async (request, reply) => {
      const userId = await ctx.activation.activate(
        request.body.token,
        request.body.password,
        request.body.charterVersion,
      );
      setSessionCookie(ctx, reply, await ctx.sessions.create(userId, 'partial', 'cookie'));
      return { stage: 'enrol-totp' as const };
    },
  );
}
