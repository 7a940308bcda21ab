import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { optionalActor } from '../../http/session.ts';
import type { ZodApp } from '../../http/types.ts';
import { operationOutcome } from './bundle.ts';
import { capabilityStatement } from './capability.ts';
import type { FhirResourceType } from './params.ts';
import { FhirDirectory } from './search.ts';
import { FHIR_JSON } from './systems.ts';

const TYPES: readonly FhirResourceType[] = ['Practitioner', 'PractitionerRole', 'Organization'];
const ReadParams = z.strictObject({ id: z.string() });
const tags = ['fhir'];

/**
 * Read-only FHIR R4 over the published directory. Errors answer as OperationOutcome (what FHIR
 * clients parse), not as Liaison's `{error}` body, so these handlers answer their own failures.
 */
export function fhirRoutes(app: ZodApp, ctx: AppContext): void {
  const fhir = new FhirDirectory(ctx);
  const publicUrl = ctx.config.publicUrl;

  const answer = async (
    request: FastifyRequest,
    reply: FastifyReply,
    produce: () => Promise<unknown>,
  ): Promise<FastifyReply> => {
    let status = 200;
    let body: unknown;
    try {
      body = await produce();
    } catch (err) {
      if (err instanceof AppError) {
        status = err.status;
        body = operationOutcome(publicUrl, err.code, err.message);
      } else {
        request.log.error({ err }, 'FHIR request failed');
        status = 500;
        body = operationOutcome(publicUrl, 'INTERNAL');
      }
    }
    return reply.status(status).type(`${FHIR_JSON}; charset=utf-8`).send(JSON.stringify(body));
  };

  app.get('/api/fhir/metadata', { schema: { tags } }, (request, reply) =>
    answer(request, reply, () => Promise.resolve(capabilityStatement(publicUrl, ctx.clock.now()))),
  );
  for (const type of TYPES) {
    app.get(`/api/fhir/${type}`, { schema: { tags } }, (request, reply) =>
      answer(request, reply, async () => fhir.search(await optionalActor(ctx, request), type, request.query)),
    );
    app.get(`/api/fhir/${type}/:id`, { schema: { params: ReadParams, tags } }, (request, reply) =>
      answer(request, reply, async () =>
        fhir.read(await optionalActor(ctx, request), type, request.params.id),
      ),
    );
  }
}
