import type { FastifyInstance } from 'fastify';
import { isActive } from '../../../shared/ports/review-store/index.ts';
import { actorOf } from '../auth.ts';
import type { RouteOptions } from '../context.ts';
import { ApiError } from '../errors.ts';
import { AUTH_ERRORS, ErrorSchema, IdParams } from '../schemas.ts';

const doc = (summary: string) => ({ tags: ['review'], summary, security: [{ bearer: [] }] });

/** The standing suppressions: listed to and removed by supervisors (docs/api.md's role table). */
export async function suppressionRoutes(
  app: FastifyInstance,
  { ctx }: RouteOptions,
): Promise<void> {
  app.get(
    '/v1/suppressions',
    {
      config: { permission: 'decide' },
      schema: {
        ...doc('Every suppression, with whether it is active'),
        response: { ...AUTH_ERRORS },
      },
    },
    async () => {
      const now = ctx.now();
      return {
        items: (await ctx.deps.review.suppressions()).map((s) => ({
          ...s,
          active: isActive(s, now),
        })),
      };
    },
  );

  app.delete<{ Params: IdParams }>(
    '/v1/suppressions/:id',
    {
      config: { permission: 'decide' },
      schema: {
        ...doc('Remove a suppression'),
        params: IdParams,
        response: { ...AUTH_ERRORS, 404: ErrorSchema },
      },
    },
    async (request) => {
      const removed = await ctx.deps.review.removeSuppression(
        request.params.id,
        actorOf(request),
        ctx.now(),
      );
      if (!removed) throw new ApiError('NOT_FOUND', `no suppression ${request.params.id}`);
      await ctx.cache.refresh();
      return { removed: request.params.id };
    },
  );
}
