import { randomUUID } from 'node:crypto';
import type { TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  type ReviewCommand,
  ReviewError,
  type Suppression,
  subjectKeyOf,
  UNSUPPRESSIBLE_RULES,
} from '../../../shared/review/index.ts';
import { actorOf, type Permission } from '../auth.ts';
import type { ApiContext, RouteOptions } from '../context.ts';
import { ApiError } from '../errors.ts';
import {
  AlertParams,
  AssignBody,
  AUTH_ERRORS,
  DispositionBody,
  ErrorSchema,
  NoteBody,
  ReasonBody,
  SuppressBody,
} from '../schemas.ts';
import { loadAlert } from './alerts.ts';

/** One lifecycle action: its path, who may, its body schema and how the body becomes a command. */
interface Action {
  readonly path: string;
  readonly permission: Permission;
  readonly summary: string;
  readonly body?: TSchema;
  /** Gets the body once the schema has validated it. */
  readonly command: (body: unknown) => ReviewCommand;
}

const ACTIONS: readonly Action[] = [
  {
    path: 'claim',
    permission: 'work',
    summary: 'Claim an open alert (open -> in_review)',
    command: () => ({ type: 'claim' }),
  },
  {
    path: 'release',
    permission: 'work',
    summary: 'Give a claimed alert back (in_review -> open)',
    command: () => ({ type: 'release' }),
  },
  {
    path: 'notes',
    permission: 'work',
    summary: 'Add a note to the audit trail',
    body: NoteBody,
    command: (b) => ({ type: 'note', text: (b as NoteBody).text }),
  },
  {
    path: 'escalate',
    permission: 'work',
    summary: 'Escalate a claimed alert (in_review -> escalated)',
    body: ReasonBody,
    command: (b) => ({ type: 'escalate', reason: (b as ReasonBody).reason }),
  },
  {
    path: 'assign',
    permission: 'decide',
    summary: 'Assign an alert to a reviewer',
    body: AssignBody,
    command: (b) => ({ type: 'assign', assignee: (b as AssignBody).assignee }),
  },
  {
    path: 'disposition',
    permission: 'decide',
    summary: 'Close with a disposition (true_positive, false_positive, benign) and a reason',
    body: DispositionBody,
    command: (b) => ({
      type: 'close',
      outcome: (b as DispositionBody).outcome,
      reason: (b as DispositionBody).reason,
    }),
  },
  {
    path: 'reopen',
    permission: 'decide',
    summary: 'Reopen a closed alert',
    body: ReasonBody,
    command: (b) => ({ type: 'reopen', reason: (b as ReasonBody).reason }),
  },
];

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
  for (const action of ACTIONS) {
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
        return { alert: await loadAlert(ctx, id), audit: result.audit };
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
      return { alert: await loadAlert(ctx, alert.id), audit: result.audit, suppression };
    },
  );
}
