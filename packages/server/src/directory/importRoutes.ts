import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { fail } from '../errors.ts';
import { requireActor } from '../http/session.ts';
import type { ZodApp } from '../http/types.ts';

/** A 100,000-row CSV is ~10 MB; XLSX is smaller. The parser refuses more than it can hold. */
const FILE_LIMIT = 25 * 1024 * 1024;
const OrgParams = z.strictObject({ organisationId: z.uuid() });
const ImportParams = z.strictObject({ id: z.uuid() });
const tags = ['directory'];

/** The file travels as the raw body; its name (for the format hint) in `x-file-name`, URI-encoded. */
function fileName(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined || raw === '') return 'upload';
  try {
    return decodeURIComponent(raw).slice(0, 200);
  } catch {
    return raw.slice(0, 200);
  }
}

function fileBytes(body: unknown): Uint8Array {
  if (!(body instanceof Buffer)) fail('UNSUPPORTED_MEDIA_TYPE', 'Send the file as application/octet-stream.');
  return body;
}

/** HTTP adapter of CSV/XLSX uploads: dry run, import, progress. */
export function directoryImportRoutes(app: ZodApp, ctx: AppContext): void {
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: FILE_LIMIT },
    (_request, body, done) => {
      done(null, body);
    },
  );

  app.post(
    '/api/directory/organisations/:organisationId/imports/check',
    { bodyLimit: FILE_LIMIT, schema: { params: OrgParams, tags } },
    async (request) =>
      ctx.directoryImports.check(
        await requireActor(ctx, request),
        request.params.organisationId,
        fileBytes(request.body),
        fileName(request.headers['x-file-name']),
      ),
  );

  app.post(
    '/api/directory/organisations/:organisationId/imports',
    { bodyLimit: FILE_LIMIT, schema: { params: OrgParams, tags } },
    async (request, reply) => {
      const { importId, progressToken } = await ctx.directoryImports.start(
        await requireActor(ctx, request),
        request.params.organisationId,
        fileBytes(request.body),
        fileName(request.headers['x-file-name']),
      );
      return reply.status(202).send({ importId, progressToken });
    },
  );

  app.get(
    '/api/directory/imports/:id',
    {
      schema: {
        params: ImportParams,
        querystring: z.strictObject({ progressToken: z.string().max(100).optional() }),
        tags,
      },
    },
    async (request) => {
      // While the import's transaction runs, the session check would wait for the database (on
      // SQLite it holds the only connection): the token handed out at start answers from memory.
      const token = request.query.progressToken;
      const progress = token === undefined ? null : ctx.directoryImports.progress(request.params.id, token);
      return progress ?? ctx.directoryImports.status(await requireActor(ctx, request), request.params.id);
    },
  );
}
