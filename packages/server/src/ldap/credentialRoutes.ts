import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';

const OrgParams = z.strictObject({ organisationId: z.uuid() });
const tags = ['directory'];
const path = '/api/directory/organisations/:organisationId/ldap-credentials';

/**
 * An establishment admin's LDAP push account. POST (re)issues it and shows the password this once;
 * GET says whether one exists, where to connect and as whom, never the password.
 */
export function ldapCredentialRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(path, { schema: { params: OrgParams, tags } }, async (request, reply) => {
    const actor = await requireActor(ctx, request);
    const credentials = await ctx.ldap.credentials.issue(actor, request.params.organisationId);
    // The password must not linger in caches or proxies.
    return reply.status(201).header('cache-control', 'no-store').send(credentials);
  });

  app.get(path, { schema: { params: OrgParams, tags } }, async (request) =>
    ctx.ldap.credentials.get(await requireActor(ctx, request), request.params.organisationId),
  );
}
