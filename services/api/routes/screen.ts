import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ScreeningRecord } from '../../../shared/ports/review-store/index.ts';
import { actorOf } from '../auth.ts';
import type { RouteOptions } from '../context.ts';
import { ApiError } from '../errors.ts';
import { screenRateLimit } from '../rate-limit.ts';
import {
  AUTH_ERRORS,
  count,
  ErrorSchema,
  LimitQuery,
  ScreenAnswer,
  ScreenBody,
} from '../schemas.ts';
import { decide, type PayoutRequest } from '../screening.ts';

/**
 * The payout to screen. `toAddress` is the event contract's name; `address`, the name of
 * 0.1, is accepted until 0.3 and answered with a `Deprecation` header.
 */
function payoutOf(body: ScreenBody): { payout: PayoutRequest; deprecated: boolean } {
  const { toAddress, address, ...rest } = body;
  if (toAddress !== undefined && address !== undefined && toAddress !== address) {
    throw new ApiError('BAD_REQUEST', 'invalid request: body.address and body.toAddress differ');
  }
  const to = toAddress ?? address;
  if (to === undefined) {
    throw new ApiError(
      'BAD_REQUEST',
      "invalid request: body must have required property 'toAddress'",
    );
  }
  return { payout: { ...rest, address: to }, deprecated: toAddress === undefined };
}

/** `POST /v1/screen` for payroll platforms, and the screening record for supervisors. */
export async function screenRoutes(app: FastifyInstance, { ctx }: RouteOptions): Promise<void> {
  app.post<{ Body: ScreenBody }>(
    '/v1/screen',
    {
      config: { permission: 'screen', ...screenRateLimit(ctx.deps.rateLimit) },
      schema: {
        tags: ['screening'],
        summary: 'Screen a payout before it leaves: allow, review or block',
        security: [{ bearer: [] }],
        body: ScreenBody,
        response: { 200: ScreenAnswer, 400: ErrorSchema, ...AUTH_ERRORS, 503: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { payout, deprecated } = payoutOf(request.body);
      if (deprecated) reply.header('deprecation', 'true');
      // With refreshMs 0 (tests, embedded use) every read is fresh; otherwise the timer keeps
      // the cache fresh and screening never waits on Redis for alerts.
      if (ctx.maxAgeMs === 0) await ctx.cache.refresh();
      const answer = decide(payout, ctx.deps.tags(), ctx.cache);
      const record: ScreeningRecord = {
        id: randomUUID(),
        at: ctx.now().toISOString(),
        actor: actorOf(request).id,
        request: payout,
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
