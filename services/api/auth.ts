import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Role } from '../../shared/ports/review-store/index.ts';
import type { ApiToken } from './deps.ts';
import { ApiError } from './errors.ts';

/** What a route needs; every /v1 route names one in its `config.permission`. */
export type Permission = 'screen' | 'read' | 'work' | 'decide' | 'metrics' | 'admin';

/** Roles granted each permission: platform screens only; supervisors decide; admin does everything. */
export const GRANTS: Readonly<Record<Permission, readonly Role[]>> = Object.freeze({
  screen: ['platform', 'admin'],
  read: ['analyst', 'supervisor', 'admin'],
  work: ['analyst', 'supervisor', 'admin'],
  decide: ['supervisor', 'admin'],
  metrics: ['platform', 'analyst', 'supervisor', 'admin'],
  admin: ['admin'],
});

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Checks bearer tokens in constant time: the presented token is hashed (so lengths match)
 * and compared with every configured token, without stopping at the first match.
 */
export class TokenVerifier {
  private readonly known: { digest: Buffer; actor: Actor }[];

  constructor(tokens: readonly ApiToken[]) {
    this.known = tokens.map((t) => ({
      digest: digest(t.token),
      actor: {
        id: t.name ?? `${t.role}-${digest(t.token).toString('hex').slice(0, 8)}`,
        role: t.role,
      },
    }));
  }

  /** The actor of an `Authorization` header value, or null. */
  verify(header: string | undefined): Actor | null {
    const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header ?? '');
    if (!match) return null;
    const presented = digest(match[1]!);
    let found: Actor | null = null;
    for (const k of this.known) if (timingSafeEqual(presented, k.digest)) found = k.actor;
    return found;
  }
}

/** Adds the auth hook to the root instance, so it runs for every route plugin below it. */
export function registerAuth(app: FastifyInstance, tokens: readonly ApiToken[]): void {
  const verifier = new TokenVerifier(tokens);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const permission = request.routeOptions.config.permission;
    if (!permission) return; // public: /health, /openapi.json, the console's static files
    const actor = verifier.verify(request.headers.authorization);
    if (!actor) {
      reply.header('www-authenticate', 'Bearer realm="flowsentry"');
      throw new ApiError('UNAUTHORIZED', 'missing or invalid bearer token');
    }
    if (!GRANTS[permission].includes(actor.role)) {
      throw new ApiError('FORBIDDEN', `role ${actor.role} may not ${permission}`);
    }
    request.actor = actor;
  });
}

/** The actor of a request that passed the auth hook. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new ApiError('UNAUTHORIZED', 'missing or invalid bearer token');
  return request.actor;
}
