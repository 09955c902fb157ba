import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AlertStatus } from '../../../shared/engine/alert.ts';
import { actorOf } from '../auth.ts';
import type { ApiContext, RouteOptions } from '../context.ts';
import { AUTH_ERRORS, count, LimitQuery } from '../schemas.ts';

const STATUSES: readonly AlertStatus[] = ['open', 'in_review', 'escalated', 'closed'];

/** Pings every dependency; the service is `ok` only when all answer. */
async function health(ctx: ApiContext) {
  const checks: Record<string, 'up' | 'down'> = {};
  await Promise.all(
    Object.entries(ctx.deps.health ?? {}).map(async ([name, ping]) => {
      checks[name] = await ping().then(
        () => 'up' as const,
        () => 'down' as const,
      );
    }),
  );
  const ok = Object.values(checks).every((c) => c === 'up');
  return { status: ok ? 'ok' : 'degraded', checks };
}

/** The gauges /metrics samples at scrape time: the queue as the cache holds it. */
function registerGauges(ctx: ApiContext): void {
  const m = ctx.metrics;
  m.gauge(
    'flowsentry_alerts',
    'Alerts in the queue by review status.',
    async () => {
      const byStatus = new Map(STATUSES.map((s) => [s, 0]));
      for (const v of ctx.cache.all()) byStatus.set(v.status, (byStatus.get(v.status) ?? 0) + 1);
      return byStatus;
    },
    'status',
  );
  m.gauge(
    'flowsentry_alerts_suppressed',
    'Alerts covered by an active suppression.',
    async () => ctx.cache.all().filter((v) => v.suppressed).length,
  );
  m.gauge(
    'flowsentry_alert_cache_age_seconds',
    'Seconds since the alert cache last reloaded.',
    async () => ctx.cache.ageSeconds(),
  );
  const queueCounts = ctx.deps.queueCounts;
  if (queueCounts) {
    m.gauge(
      'flowsentry_alert_queue_jobs',
      'BullMQ jobs of the alert queue by job state.',
      async () => new Map(Object.entries(await queueCounts().catch(() => ({})))),
      'state',
    );
  }
}

/** Health, metrics, the caller's identity, the OpenAPI document and the webhook delivery log. */
export async function systemRoutes(app: FastifyInstance, { ctx }: RouteOptions): Promise<void> {
  registerGauges(ctx);
  app.get(
    '/health',
    { schema: { tags: ['system'], summary: 'Liveness and dependency checks (no token needed)' } },
    async (_req, reply) => {
      const out = await health(ctx);
      return reply.code(out.status === 'ok' ? 200 : 503).send(out);
    },
  );

  app.get(
    '/metrics',
    {
      config: { permission: 'metrics' },
      schema: {
        tags: ['system'],
        summary: 'Prometheus metrics',
        security: [{ bearer: [] }],
        response: { ...AUTH_ERRORS },
      },
    },
    async (_req, reply) => {
      await ctx.cache.fresh(ctx.maxAgeMs);
      reply.type(ctx.metrics.registry.contentType);
      return ctx.metrics.render();
    },
  );

  app.get(
    '/v1/me',
    {
      config: { permission: 'metrics' },
      schema: {
        tags: ['system'],
        summary: 'Who the token acts as',
        security: [{ bearer: [] }],
        response: { 200: Type.Object({ id: Type.String(), role: Type.String() }), ...AUTH_ERRORS },
      },
    },
    async (request) => actorOf(request),
  );

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get<{ Querystring: LimitQuery }>(
    '/v1/webhooks/deliveries',
    {
      config: { permission: 'decide' },
      schema: {
        tags: ['system'],
        summary: 'Latest webhook delivery attempts, newest first',
        security: [{ bearer: [] }],
        querystring: LimitQuery,
        response: { ...AUTH_ERRORS },
      },
    },
    async (request) => ({
      items: ctx.deps.deliveryLog
        ? await ctx.deps.deliveryLog.latest(count(request.query.limit, 'limit', 100, 1, 1000))
        : [],
    }),
  );
}
