import { Id } from '@liaison/core/api/common';
import {
  AddExpertRequest,
  CreateServiceRequest,
  FormRef,
  ImportFormRequest,
  UpdateServiceRequest,
} from '@liaison/core/api/teleexpertise';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';

const ServiceParams = z.strictObject({ id: Id });
const ExpertParams = ServiceParams.extend({ userId: Id });

/** Forms, services and experts over HTTP (/api/teleexpertise/forms, /api/teleexpertise/services…). */
export function teleexpertiseAdminRoutes(app: ZodApp, ctx: AppContext): void {
  const tags = ['teleexpertise'];
  const admin = ctx.teleexpertiseAdmin;

  app.get('/api/teleexpertise/forms', { schema: { tags } }, async (request) => {
    await requireActor(ctx, request);
    return admin.listForms();
  });

  // One form: the url is a path segment, URL-encoded by the caller (encodeURIComponent).
  app.get(
    '/api/teleexpertise/forms/:url/:version',
    { schema: { params: FormRef, tags } },
    async (request) => {
      await requireActor(ctx, request);
      return admin.getForm(request.params);
    },
  );

  // The same, for callers that prefer a query string to an encoded path segment.
  app.get('/api/teleexpertise/form', { schema: { querystring: FormRef, tags } }, async (request) => {
    await requireActor(ctx, request);
    return admin.getForm(request.query);
  });

  app.post(
    '/api/teleexpertise/forms',
    { schema: { body: ImportFormRequest, tags } },
    async (request, reply) => {
      const form = await admin.importForm(await requireActor(ctx, request), request.body);
      return reply.status(201).send(form);
    },
  );

  app.get('/api/teleexpertise/services', { schema: { tags } }, async (request) =>
    admin.listServices(await requireActor(ctx, request)),
  );

  app.post(
    '/api/teleexpertise/services',
    { schema: { body: CreateServiceRequest, tags } },
    async (request, reply) => {
      const service = await admin.createService(await requireActor(ctx, request), request.body);
      return reply.status(201).send(service);
    },
  );

  app.get('/api/teleexpertise/services/:id', { schema: { params: ServiceParams, tags } }, async (request) =>
    admin.getService(await requireActor(ctx, request), request.params.id),
  );

  app.patch(
    '/api/teleexpertise/services/:id',
    { schema: { params: ServiceParams, body: UpdateServiceRequest, tags } },
    async (request) => {
      const service = await admin.updateService(
        await requireActor(ctx, request),
        request.params.id,
        request.body,
      );
      // Switched back on, or given a new deadline: queued requests may find an expert now.
      await ctx.teleexpertise.assignQueued(service.id);
      return service;
    },
  );

  app.post(
    '/api/teleexpertise/services/:id/experts',
    { schema: { params: ServiceParams, body: AddExpertRequest, tags } },
    async (request, reply) => {
      const actor = await requireActor(ctx, request);
      await admin.addExpert(actor, request.params.id, request.body.userId);
      // A new expert may take queued requests at once; then answer with the queue as it now stands.
      await ctx.teleexpertise.assignQueued(request.params.id);
      return reply.status(201).send(await admin.getService(actor, request.params.id));
    },
  );

  app.delete(
    '/api/teleexpertise/services/:id/experts/:userId',
    { schema: { params: ExpertParams, tags } },
    async (request) =>
      admin.removeExpert(await requireActor(ctx, request), request.params.id, request.params.userId),
  );
}
