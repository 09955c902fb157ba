import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors.ts';

/** Requests one token may make per minute; 0 turns a limit off. */
export interface RateLimits {
  readonly perMinute: number;
  /** `/v1/screen` has its own budget: platforms screen every payout of a pay run. */
  readonly screenPerMinute: number;
}

/** Route config of `/v1/screen`: its own budget, counted apart from the other routes. */
export function screenRateLimit(limits: RateLimits | undefined) {
  return limits && limits.screenPerMinute > 0
    ? { rateLimit: { max: limits.screenPerMinute, timeWindow: 60_000 } }
    : {};
}

/**
 * Per-token rate limits. Counted after authentication (preHandler), so the key is the token's
 * actor and a refused token costs no one else's budget; public routes are not limited.
 */
export async function registerRateLimit(app: FastifyInstance, limits: RateLimits): Promise<void> {
  if (limits.perMinute === 0 && limits.screenPerMinute === 0) return;
  await app.register(fastifyRateLimit, {
    global: limits.perMinute > 0,
    max: limits.perMinute,
    timeWindow: 60_000,
    hook: 'preHandler',
    keyGenerator: (request) => request.actor?.id ?? request.ip,
    allowList: (request) => !request.routeOptions.config.permission,
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        'TOO_MANY_REQUESTS',
        `rate limit: ${context.max} requests a minute for this token; retry in ${context.after}`,
      ),
  });
}
