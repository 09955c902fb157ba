import { randomUUID } from 'node:crypto';
import type { TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  ReviewError,
  type Suppression,
  subjectKeyOf,
  UNSUPPRESSIBLE_RULES,
} from '../../../shared/ports/review-store/index.ts';
import { actorOf } from '../auth.ts';
import type { ApiContext, RouteOptions } from '../context.ts';
import { ApiError } from '../errors.ts';
import { REVIEW_ACTIONS } from '../review-actions.ts';
import { AlertParams, AUTH_ERRORS, ErrorSchema, SuppressBody } from '../schemas.ts';
import { loadAlert } from './alerts.ts';

const schemaOf = (summary: string, body?: TSchema) => ({
  tags: ['review'],
  summary,
  security: [{ bearer: [] }],
  params: AlertParams,
  ...(body ? { body } : {}),
  response: { 400: ErrorSchema, ...AUTH_ERRORS, 404: ErrorSchema, 409: ErrorSchema },
});

async function existing(ctx: ApiContext, id: string) {
  const alert = await ctx.deps.alerts.get(id);
  if (!alert) throw new ApiError('NOT_FOUND', `no alert ${id}`);
  return alert;
}

/** Lifecycle actions on one alert; each answers the alert as it now stands and the audit line written. */
export async function alertActionRoutes(
  app: FastifyInstance,
  { ctx }: RouteOptions,
): Promise<void> {
  for (const action of REVIEW_ACTIONS) {
    app.post<{ Params: AlertParams; Body: unknown }>(
      `/v1/alerts/:id/${action.path}`,
      { config: { permission: action.permission }, schema: schemaOf(action.summary, action.body) },
      async (request) => {
        const { id } = request.params;
        await existing(ctx, id);
        const result = await ctx.deps.review.apply(
          id,
          action.command(request.body),
          actorOf(request),
          ctx.now(),
        );
        ctx.cache.setReview(id, result.state);
        return { alert: await loadAlert(ctx, id, actorOf(request)), audit: result.audit };
      },
    );
  }

  app.post<{ Params: AlertParams; Body: SuppressBody }>(
    '/v1/alerts/:id/suppress',
    {
      config: { permission: 'decide' },
      schema: schemaOf('Suppress alerts of this rule about this subject', SuppressBody),
    },
    async (request) => {
      const alert = await existing(ctx, request.params.id);
      if (UNSUPPRESSIBLE_RULES.has(alert.rule)) {
        throw new ReviewError(
          'NOT_SUPPRESSIBLE',
          `${alert.rule} alerts cannot be suppressed: correct the list instead`,
        );
      }
      const actor = actorOf(request);
      const suppression: Suppression = {
        id: randomUUID(),
        rule: alert.rule,
        subjectKey: subjectKeyOf(alert),
        reason: request.body.reason,
        by: actor.id,
        createdAt: ctx.now().toISOString(),
        until: request.body.until ? new Date(request.body.until).toISOString() : null,
        alertId: alert.id,
      };
      const result = await ctx.deps.review.addSuppression(suppression, actor);
      // A suppression covers every alert of that rule and subject: reload them all.
      await ctx.cache.refresh();
      return {
        alert: await loadAlert(ctx, alert.id, actorOf(request)),
        audit: result.audit,
        suppression,
      };
    },
  );
}
