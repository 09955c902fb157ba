import type { TSchema } from '@sinclair/typebox';
import {
  type Actor,
  accepts,
  type ReviewCommand,
  type ReviewState,
} from '../../shared/ports/review-store/index.ts';
import { GRANTS, type Permission } from './auth.ts';
import { AssignBody, DispositionBody, NoteBody, ReasonBody } from './schemas.ts';

/** One lifecycle action: its path, who may, its body schema and how the body becomes a command. */
export interface ReviewAction {
  readonly path: string;
  readonly permission: Permission;
  readonly summary: string;
  readonly body?: TSchema;
  /** Gets the body once the schema has validated it. */
  readonly command: (body: unknown) => ReviewCommand;
  /** A body of the right shape, to ask the lifecycle whether the action is allowed now. */
  readonly probe?: unknown;
}

const REASON = { reason: 'probe' };

/** Every lifecycle action the API serves, one route each under /v1/alerts/{id}/. */
export const REVIEW_ACTIONS: readonly ReviewAction[] = [
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
    probe: { text: 'probe' },
  },
  {
    path: 'escalate',
    permission: 'work',
    summary: 'Escalate a claimed alert (in_review -> escalated)',
    body: ReasonBody,
    command: (b) => ({ type: 'escalate', reason: (b as ReasonBody).reason }),
    probe: REASON,
  },
  {
    path: 'assign',
    permission: 'decide',
    summary: 'Assign an alert to a reviewer',
    body: AssignBody,
    command: (b) => ({ type: 'assign', assignee: (b as AssignBody).assignee }),
    probe: { assignee: 'probe' },
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
    probe: { outcome: 'true_positive', ...REASON },
  },
  {
    path: 'reopen',
    permission: 'decide',
    summary: 'Reopen a closed alert',
    body: ReasonBody,
    command: (b) => ({ type: 'reopen', reason: (b as ReasonBody).reason }),
    probe: REASON,
  },
];

/**
 * The actions this actor may take on an alert in this state: the route's role grant and the
 * lifecycle's own rule, so the console shows exactly what the server would accept.
 */
export function allowedActions(state: ReviewState, actor: Actor): string[] {
  return REVIEW_ACTIONS.filter(
    (a) => GRANTS[a.permission].includes(actor.role) && accepts(state, a.command(a.probe), actor),
  ).map((a) => a.path);
}
