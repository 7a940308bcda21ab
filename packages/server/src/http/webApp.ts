import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * Serves the built web app, with client-side routes (/account, /verification…) answered by
 * index.html. Unknown /api paths stay JSON 404s.
 */
export async function serveWebApp(app: FastifyInstance, distDir = WEB_DIST): Promise<void> {
  const built = existsSync(`${distDir}/index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      // The service worker and the shell must be revalidated so an upgrade reaches users.
      setHeaders: (reply, path) => {
        if (path.endsWith('sw.js') || path.endsWith('index.html'))
          void reply.header('cache-control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') throw new AppError('NOT_FOUND');
    if (!built) {
      return reply
        .type('text/plain; charset=utf-8')
        .status(503)
        .send('The web app is not built: run `npm run build --workspace packages/web`.');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
