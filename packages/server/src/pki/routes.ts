import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requireActor, requireSession } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';
import {
  CertificateUsage,
  CertificateView,
  ExpectedSubjectView,
  IssueRequest,
  RevokeRequest,
} from './schemas.ts';
import type { PkiService } from './service.ts';
import { derOfPem } from './x509.ts';

const SerialParams = z.strictObject({ serial: z.string().regex(/^(0x)?[0-9A-Fa-f:]{1,100}$/) });
const AddressParams = z.strictObject({ address: z.string().min(3).max(254) });
const IdParams = z.strictObject({ id: z.uuid() });
const SubjectQuery = z.strictObject({ usage: CertificateUsage, mailboxId: z.uuid().optional() });

const PEM = 'application/x-pem-file';
// Short enough that a revocation reaches relying parties within minutes, long enough to absorb polling.
const CRL_CACHE = 'public, max-age=300';

function sendPem(reply: FastifyReply, pem: string, cache: string): FastifyReply {
  return reply.type(PEM).header('cache-control', cache).send(pem);
}

function sendDer(reply: FastifyReply, pem: string): FastifyReply {
  return reply
    .type('application/pkix-crl')
    .header('cache-control', CRL_CACHE)
    .send(Buffer.from(derOfPem(pem)));
}

export function pkiRoutes(app: ZodApp, ctx: AppContext & { pki: PkiService }): void {
  // Public, no account needed: mail clients, OpenSSL and other instances fetch the chain and CRLs.
  const open = { schema: { tags: ['pki'] } };
  app.get('/pki/ca.pem', open, async (_req, reply) =>
    sendPem(reply, await ctx.pki.chainPem(), 'public, max-age=3600'),
  );
  app.get('/pki/root.pem', open, async (_req, reply) =>
    sendPem(reply, await ctx.pki.rootPem(), 'public, max-age=3600'),
  );
  app.get('/pki/crl.der', open, async (_req, reply) => sendDer(reply, (await ctx.pki.crl()).pem));
  app.get('/pki/crl.pem', open, async (_req, reply) => sendPem(reply, (await ctx.pki.crl()).pem, CRL_CACHE));
  app.get('/pki/root-crl.der', open, async (_req, reply) => sendDer(reply, (await ctx.pki.rootCrl()).pem));
  app.get('/pki/root-crl.pem', open, async (_req, reply) =>
    sendPem(reply, (await ctx.pki.rootCrl()).pem, CRL_CACHE),
  );

  // Certificates are public to verified users: a sender needs any recipient's, a verifier any signer's.
  app.get(
    '/api/pki/subject',
    { schema: { querystring: SubjectQuery, response: { 200: ExpectedSubjectView }, tags: ['pki'] } },
    async (request) =>
      ctx.pki.expectedSubject(await requireActor(ctx, request), request.query.usage, request.query.mailboxId),
  );

  app.post(
    '/api/pki/csr',
    { schema: { body: IssueRequest, response: { 201: CertificateView }, tags: ['pki'] } },
    async (request, reply) => {
      // Keys are made on devices, so a certificate is issued only to an enrolled one.
      await ctx.devices.requireActiveDevice(await requireSession(ctx, request));
      const certificate = await ctx.pki.issue(await requireActor(ctx, request), request.body);
      return reply.status(201).send(certificate);
    },
  );

  app.get(
    '/api/pki/mailboxes/:address/certificates',
    { schema: { params: AddressParams, response: { 200: z.array(CertificateView) }, tags: ['pki'] } },
    async (request) => {
      await requireActor(ctx, request);
      return ctx.pki.mailboxCertificates(request.params.address);
    },
  );

  app.get(
    '/api/pki/users/:id/certificates',
    { schema: { params: IdParams, response: { 200: z.array(CertificateView) }, tags: ['pki'] } },
    async (request) => {
      await requireActor(ctx, request);
      return ctx.pki.userCertificates(request.params.id);
    },
  );

  app.get(
    '/api/pki/certificates/:serial',
    { schema: { params: SerialParams, response: { 200: CertificateView }, tags: ['pki'] } },
    async (request) => {
      await requireActor(ctx, request);
      return ctx.pki.certificate(request.params.serial);
    },
  );

  app.post(
    '/api/pki/certificates/:serial/revoke',
    {
      schema: {
        params: SerialParams,
        body: RevokeRequest,
        response: { 200: CertificateView },
        tags: ['pki'],
      },
    },
    async (request) =>
      ctx.pki.revoke(await requireActor(ctx, request), request.params.serial, request.body.reason),
  );
}
