import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ScreeningRecord } from '../../../shared/review/index.ts';
import { actorOf } from '../auth.ts';
import type { RouteOptions } from '../context.ts';
import { ApiError } from '../errors.ts';
import {
  AUTH_ERRORS,
  count,
  ErrorSchema,
  LimitQuery,
  ScreenAnswer,
  ScreenBody,
} from '../schemas.ts';
import { decide } from '../screening.ts';

/** `POST /v1/screen` for payroll platforms, and the screening record for supervisors. */
export async function screenRoutes(app: FastifyInstance, { ctx }: RouteOptions): Promise<void> {
  app.post<{ Body: ScreenBody }>(
    '/v1/screen',
    {
      config: { permission: 'screen' },
      schema: {
        tags: ['screening'],
        summary: 'Screen a payout before it leaves: allow, review or block',
        security: [{ bearer: [] }],
        body: ScreenBody,
        response: { 200: ScreenAnswer, 400: ErrorSchema, ...AUTH_ERRORS, 503: ErrorSchema },
      },
    },
    async (request) => {
      // With refreshMs 0 (tests, embedded use) every read is fresh; otherwise the timer keeps
      // the cache fresh and screening never waits on Redis for alerts.
      if (ctx.maxAgeMs === 0) await ctx.cache.refresh();
      const answer = decide(request.body, ctx.deps.tags(), ctx.cache);
      const record: ScreeningRecord = {
        id: randomUUID(),
        at: ctx.now().toISOString(),
        actor: actorOf(request).id,
        request: request.body,
        ...answer,
      };
      try {
        // The answer counts only once it is on record: a platform retries a 503.
        await ctx.deps.review.recordScreening(record);
      } catch (err) {
        request.log.error({ err: (err as Error).message }, 'screening record failed');
        throw new ApiError('UNAVAILABLE', 'screening record unavailable; retry');
      }
      ctx.metrics.observeDecision(answer.decision);
      return {
        decision: answer.decision,
        reasons: answer.reasons,
        screeningId: record.id,
        listVersions: answer.listVersions,
      };
    },
  );

  app.get<{ Querystring: LimitQuery }>(
    '/v1/screenings',
    {
      config: { permission: 'decide' },
      schema: {
        tags: ['screening'],
        summary: 'Latest screening answers, newest first',
        security: [{ bearer: [] }],
        querystring: LimitQuery,
        response: { ...AUTH_ERRORS },
      },
    },
    async (request) => ({
      items: await ctx.deps.review.screenings(count(request.query.limit, 'limit', 100, 1, 1000)),
    }),
  );
}
