import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const ROOT = fileURLToPath(new URL('../console/', import.meta.url));

/**
 * The investigator console: plain HTML, CSS and ES modules served as they are, nothing to
 * build. The files hold no data and need no token; every call they make does.
 */
export async function consoleRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: ROOT,
    prefix: '/console/',
    index: false,
    cacheControl: true,
    maxAge: 0,
  });
  app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.sendFile('index.html'));
}
