import {
  AnswerRequest,
  Availability,
  BillingQuery,
  CreateTeleexpertiseRequest,
  MAX_TE_NOTE_ENVELOPE_BYTES,
  MAX_TE_REQUEST_ENVELOPE_BYTES,
  NoteRequest,
  RequestListQuery,
} from '@liaison/core/api/teleexpertise';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requireSession } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';

const RequestParams = z.strictObject({ id: z.uuid() });

/** Base64 of the largest envelope, plus room for the JSON around it. */
function bodyLimit(maxEnvelopeBytes: number): number {
  return Math.ceil((maxEnvelopeBytes * 4) / 3) + 16 * 1024;
}

/**
 * The envelope is checked by decoding it in the service rather than by a regex over every character
 * here (as chat and mail do): the request body schema keeps only its shape.
 */
const CreateBody = CreateTeleexpertiseRequest.extend({ envelope: z.string().min(1) });
const NoteBody = NoteRequest.extend({ envelope: z.string().min(1) });
const AnswerBody = AnswerRequest.extend({ envelope: z.string().min(1) });

async function callerId(ctx: AppContext, request: FastifyRequest): Promise<string> {
  return (await requireSession(ctx, request)).user.id;
}

/** Requests, availability and billing data over HTTP (/api/teleexpertise/requests…). */
export function teleexpertiseRequestRoutes(app: ZodApp, ctx: AppContext): void {
  const tags = ['teleexpertise'];
  const base = '/api/teleexpertise/requests';

  app.post(
    base,
    { bodyLimit: bodyLimit(MAX_TE_REQUEST_ENVELOPE_BYTES), schema: { body: CreateBody, tags } },
    async (request, reply) => {
      const { created, request: view } = await ctx.teleexpertise.create(
        await callerId(ctx, request),
        request.body,
      );
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.get(base, { schema: { querystring: RequestListQuery, tags } }, async (request) =>
    ctx.teleexpertise.list(await callerId(ctx, request), request.query),
  );

  app.get(`${base}/:id`, { schema: { params: RequestParams, tags } }, async (request) =>
    ctx.teleexpertise.get(await callerId(ctx, request), request.params.id),
  );

  // A decline carries no reason: free text would sit in clear on the server and could name the patient.
  for (const action of ['accept', 'start', 'decline', 'cancel'] as const) {
    app.post(`${base}/:id/${action}`, { schema: { params: RequestParams, tags } }, async (request) =>
      ctx.teleexpertise.act(await callerId(ctx, request), request.params.id, action),
    );
  }

  for (const action of ['ask', 'provide'] as const) {
    app.post(
      `${base}/:id/${action}`,
      {
        bodyLimit: bodyLimit(MAX_TE_NOTE_ENVELOPE_BYTES),
        schema: { params: RequestParams, body: NoteBody, tags },
      },
      async (request) =>
        ctx.teleexpertise[action](await callerId(ctx, request), request.params.id, request.body.envelope),
    );
  }

  app.post(
    `${base}/:id/answer`,
    {
      bodyLimit: bodyLimit(MAX_TE_NOTE_ENVELOPE_BYTES),
      schema: { params: RequestParams, body: AnswerBody, tags },
    },
    async (request) =>
      ctx.teleexpertise.answer(await callerId(ctx, request), request.params.id, request.body),
  );

  app.get('/api/teleexpertise/availability', { schema: { tags } }, async (request) =>
    ctx.teleexpertise.availability(await callerId(ctx, request)),
  );

  app.put('/api/teleexpertise/availability', { schema: { body: Availability, tags } }, async (request) =>
    ctx.teleexpertise.setAvailability(await callerId(ctx, request), request.body),
  );

  app.get('/api/teleexpertise/billing', { schema: { querystring: BillingQuery, tags } }, async (request) =>
    ctx.teleexpertise.billing(await callerId(ctx, request), request.query.month),
  );
}
