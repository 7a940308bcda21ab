import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { accountRoutes } from '../accounts/routes.ts';
import { addressBookRoutes } from '../addressBook/routes.ts';
import { authRoutes } from '../auth/routes.ts';
import type { AppContext } from '../context.ts';
import { deviceRoutes } from '../devices/routes.ts';
import { directoryExportRoutes } from '../directory/exports/routes.ts';
import { fhirRoutes } from '../directory/fhir/routes.ts';
import { directoryRoutes } from '../directory/routes.ts';
import { ldapCredentialRoutes } from '../ldap/credentialRoutes.ts';
import { directoryImportRoutes } from '../directory/importRoutes.ts';
import { mailRoutes } from '../mail/routes.ts';
import { quarantineRoutes } from '../quarantine/routes.ts';
import { charterRoutes } from '../charter/routes.ts';
import { statsRoutes } from '../stats/routes.ts';
import { statusRoutes } from '../status/routes.ts';
import { chatRoutes } from '../chat/routes.ts';
import { noticeRoutes } from '../notices/routes.ts';
import { teleexpertiseAdminRoutes } from '../teleexpertise/adminRoutes.ts';
import { teleexpertiseRequestRoutes } from '../teleexpertise/requestRoutes.ts';
import { mailboxKeyRoutes } from '../mailboxes/keyRoutes.ts';
import { mailboxRoutes } from '../mailboxes/routes.ts';
import { organisationRoutes } from '../organisations/routes.ts';
import { pkiRoutes } from '../pki/index.ts';
import { setupRoutes } from '../setup/routes.ts';
import { websocketRoutes } from '../ws/routes.ts';
import { installErrorHandler } from './errorHandler.ts';
import type { ZodApp } from './types.ts';
import { serveWebApp } from './webApp.ts';

export interface AppOptions {
  /** Where the built web app lives; tests that only talk to the API leave it out. */
  webDist?: string | false;
}

/** Builds the HTTP application without listening, so tests drive it with `app.inject()`. */
export async function buildApp(ctx: AppContext, options: AppOptions = {}) {
  const app = Fastify({
    // pino's Logger and Fastify's logger type differ only in optional members Fastify never calls;
    // without the assertion the instance type carries pino's Logger and plugins stop accepting it.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    loggerInstance: ctx.logger as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    ...(ctx.config.tls ? { https: { cert: ctx.config.tls.cert, key: ctx.config.tls.key } } : {}),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects its CSS variables at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: ctx.config.publicUrl.startsWith('https:'),
  });
  // A coarse per-process guard against floods; login attempts are counted in the database instead
  // (auth/rateLimit.ts) so every node of a cluster shares the count.
  await app.register(fastifyRateLimit, { max: ctx.config.rateLimitPerMinute, timeWindow: '1 minute' });
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Liaison API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });

  app.get('/api/health', { schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  const routes = app as unknown as ZodApp;
  setupRoutes(routes, ctx);
  authRoutes(routes, ctx);
  accountRoutes(routes, ctx);
  organisationRoutes(routes, ctx);
  mailboxRoutes(routes, ctx);
  mailboxKeyRoutes(routes, ctx);
  deviceRoutes(routes, ctx);
  pkiRoutes(routes, ctx);
  mailRoutes(routes, ctx);
  directoryRoutes(routes, ctx);
  directoryExportRoutes(routes, ctx);
  fhirRoutes(routes, ctx);
  addressBookRoutes(routes, ctx);
  ldapCredentialRoutes(routes, ctx);
  directoryImportRoutes(routes, ctx);
  charterRoutes(routes, ctx);
  quarantineRoutes(routes, ctx);
  statsRoutes(routes, ctx);
  statusRoutes(routes, ctx);
  chatRoutes(routes, ctx);
  noticeRoutes(routes, ctx);
  teleexpertiseAdminRoutes(routes, ctx);
  teleexpertiseRequestRoutes(routes, ctx);
  await websocketRoutes(app, ctx);
  await serveWebApp(app, options.webDist === false ? '/nonexistent' : options.webDist);
  return app;
}
