import type { FastifyInstance } from 'fastify';
import { RULE_IDS } from '../../../shared/engine/alert.ts';
import { type Actor, SuppressionMatcher } from '../../../shared/ports/review-store/index.ts';
import { queryAlerts } from '../alert-query.ts';
import { type AlertView, overlay } from '../alert-view.ts';
import { actorOf } from '../auth.ts';
import type { ApiContext, RouteOptions } from '../context.ts';
import { ApiError } from '../errors.ts';
import { allowedActions } from '../review-actions.ts';
import { AlertParams, AlertQuery, AUTH_ERRORS, ErrorSchema } from '../schemas.ts';

const doc = (summary: string) => ({ tags: ['alerts'], summary, security: [{ bearer: [] }] });

/** One alert as its detail shows it: the view plus what the caller may do to it now. */
export type AlertDetail = AlertView & { readonly actions: string[] };

/** Reads one alert fresh from the queue and the review store: details are never stale. */
export async function loadAlert(ctx: ApiContext, id: string, actor: Actor): Promise<AlertDetail> {
  const [alert, review, suppressions] = await Promise.all([
    ctx.deps.alerts.get(id),
    ctx.deps.review.get(id),
    ctx.deps.review.suppressions(),
  ]);
  if (!alert) throw new ApiError('NOT_FOUND', `no alert ${id}`);
  const view = overlay(alert, review, new SuppressionMatcher(suppressions, ctx.now()).match(alert));
  return { ...view, actions: allowedActions(review, actor) };
}

/** The queue: list with filters, one alert with its evidence, its audit trail. */
export async function alertRoutes(app: FastifyInstance, { ctx }: RouteOptions): Promise<void> {
  app.get<{ Querystring: AlertQuery }>(
    '/v1/alerts',
    {
      config: { permission: 'read' },
      schema: {
        ...doc('List alerts with filters and paging'),
        querystring: AlertQuery,
        response: { 400: ErrorSchema, ...AUTH_ERRORS },
      },
    },
    async (request) => {
      await ctx.cache.fresh(ctx.maxAgeMs);
      return queryAlerts(ctx.cache.all(), request.query);
    },
  );

  app.get(
    '/v1/rules',
    {
      config: { permission: 'read' },
      schema: {
        ...doc('The rule ids alerts carry (the queue filter offers these)'),
        response: AUTH_ERRORS,
      },
    },
    async () => ({ items: RULE_IDS }),
  );

  app.get<{ Params: AlertParams }>(
    '/v1/alerts/:id',
    {
      config: { permission: 'read' },
      schema: {
        ...doc('One alert with its evidence and review state'),
        params: AlertParams,
        response: { 404: ErrorSchema, ...AUTH_ERRORS },
      },
    },
    async (request) => loadAlert(ctx, request.params.id, actorOf(request)),
  );

  app.get<{ Params: AlertParams }>(
    '/v1/alerts/:id/audit',
    {
      config: { permission: 'read' },
      schema: {
        ...doc('The append-only audit trail of one alert, oldest first'),
        params: AlertParams,
        response: { 404: ErrorSchema, ...AUTH_ERRORS },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (!(await ctx.deps.alerts.get(id))) throw new ApiError('NOT_FOUND', `no alert ${id}`);
      return { items: await ctx.deps.review.audit(id) };
    },
  );
}
