import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { AlertCache } from './alert-cache.ts';
import { registerAuth } from './auth.ts';
import type { ApiContext } from './context.ts';
import type { ApiDeps } from './deps.ts';
import { registerErrors } from './errors.ts';
import { ApiMetrics } from './metrics.ts';
import { registerRateLimit } from './rate-limit.ts';
import { alertActionRoutes } from './routes/alert-actions.ts';
import { alertRoutes } from './routes/alerts.ts';
import { consoleRoutes } from './routes/console.ts';
import { screenRoutes } from './routes/screen.ts';
import { suppressionRoutes } from './routes/suppressions.ts';
import { systemRoutes } from './routes/system.ts';
import { viewRoutes } from './routes/views.ts';

/** Version of the HTTP contract, in the OpenAPI document. */
export const API_VERSION = '1.0.0';

// The console loads only its own files; no inline script, no third party, no framing.
const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}

function registerMetrics(app: FastifyInstance, metrics: ApiMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    // Unmatched URLs share one label so scanners cannot grow the series without bound.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
}

async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Flowsentry API',
        version: API_VERSION,
        description: 'Pre-payout screening and the alert review queue.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
}

/** Builds the HTTP app over its dependencies (tests call it with memory adapters and `inject`). */
export async function buildApp(deps: ApiDeps): Promise<FastifyInstance> {
  const loggerInstance: FastifyBaseLogger = deps.logger ?? pino({ level: 'silent' });
  const app = Fastify({
    // Fastify's request serializer logs method, URL and address only: never headers, so never a token.
    loggerInstance,
    // One line per request would flood the log at screening rates; /metrics counts them instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    // No coercion: an amount sent as a JSON number would lose digits silently; refuse it instead.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
  });
  // Response schemas document the API; plain JSON.stringify keeps every field of an alert.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  const now = deps.now ?? (() => new Date());
  const refreshMs = deps.refreshMs ?? 2_000;
  const ctx: ApiContext = {
    deps,
    cache: new AlertCache(deps, now),
    metrics: new ApiMetrics(deps.metricsRegistry ?? new Registry()),
    now,
    maxAgeMs: refreshMs,
  };
  registerErrors(app, deps.logger);
  registerSecurityHeaders(app);
  registerMetrics(app, ctx.metrics);
  registerAuth(app, deps.tokens);
  if (deps.rateLimit) await registerRateLimit(app, deps.rateLimit);
  await registerOpenApi(app);
  for (const routes of [
    systemRoutes,
    screenRoutes,
    alertRoutes,
    alertActionRoutes,
    suppressionRoutes,
    viewRoutes,
  ]) {
    await app.register(routes, { ctx });
  }
  await app.register(consoleRoutes);
  app.addHook('onReady', async () => {
    await ctx.cache.refresh();
    ctx.cache.start(refreshMs);
  });
  app.addHook('onClose', async () => ctx.cache.stop());
  return app;
}
