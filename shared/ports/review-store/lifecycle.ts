import type { AlertStatus } from '../../engine/alert.ts';
import {
  type Actor,
  type AuditEntry,
  type ReviewCommand,
  ReviewError,
  type ReviewSnapshot,
  type ReviewState,
} from './types.ts';

/**
 * The alert lifecycle as one pure function, shared by every ReviewStore adapter so Redis and
 * memory cannot disagree:
 *
 *   open --claim/assign--> in_review --escalate--> escalated
 *     ^                      |   \                    |
 *     +------release---------+    +--close--> closed <+
 *   closed --reopen--> open
 *
 * Notes and suppressions are recorded in any state and change nothing but the version.
 */
export function transition(
  state: ReviewState,
  command: ReviewCommand,
  actor: Actor,
  at: string,
): ReviewState {
  const next = nextState(state, command, actor, at);
  return { ...next, updatedAt: at, version: state.version + 1 };
}

/** The audit line for a change that `transition` allowed. */
export function auditEntry(
  alertId: string,
  before: ReviewState,
  after: ReviewState,
  command: ReviewCommand,
  actor: Actor,
): AuditEntry {
  const text = commandText(command);
  return {
    alertId,
    seq: after.version,
    at: after.updatedAt ?? new Date(0).toISOString(),
    actor: actor.id,
    role: actor.role,
    action: command.type,
    before: snapshot(before),
    after: snapshot(after),
    ...(text === undefined ? {} : { text }),
  };
}

/** True when claiming changes nothing: the actor already holds the alert. */
export function isNoop(state: ReviewState, command: ReviewCommand, actor: Actor): boolean {
  return command.type === 'claim' && state.status === 'in_review' && state.assignee === actor.id;
}

/**
 * True when `transition` would accept the command from this actor now and it would change
 * something: what the API offers as the alert's allowed actions.
 */
export function accepts(state: ReviewState, command: ReviewCommand, actor: Actor): boolean {
  if (isNoop(state, command, actor)) return false;
  try {
    nextState(state, command, actor, '');
    return true;
  } catch (error) {
    if (error instanceof ReviewError) return false;
    throw error;
  }
}

function snapshot(s: ReviewState): ReviewSnapshot {
  return { status: s.status, assignee: s.assignee, disposition: s.disposition };
}

function commandText(command: ReviewCommand): string | undefined {
  switch (command.type) {
    case 'note':
      return command.text;
    case 'escalate':
    case 'close':
    case 'reopen':
    case 'suppress':
      return command.reason;
    case 'assign':
      return `assigned to ${command.assignee}`;
    case 'unsuppress':
      return `removed suppression ${command.suppressionId}`;
    default:
      return undefined;
  }
}

const isSupervisor = (actor: Actor) => actor.role === 'supervisor' || actor.role === 'admin';

function expect(
  state: ReviewState,
  allowed: readonly AlertStatus[],
  action: string,
  hint = '',
): void {
  if (!allowed.includes(state.status)) {
    throw new ReviewError(
      'INVALID_TRANSITION',
      `cannot ${action} an alert that is ${state.status}${hint}`,
    );
  }
}

/** Only the assignee or a supervisor may move an alert someone holds. */
function holderOrSupervisor(state: ReviewState, actor: Actor, action: string): void {
  if (state.assignee !== actor.id && !isSupervisor(actor)) {
    throw new ReviewError(
      'NOT_ASSIGNEE',
      `only the assignee (${state.assignee}) or a supervisor may ${action} this alert`,
    );
  }
}

function nextState(
  state: ReviewState,
  command: ReviewCommand,
  actor: Actor,
  at: string,
): ReviewState {
  switch (command.type) {
    case 'claim':
      if (state.status === 'in_review' && state.assignee !== actor.id) {
        throw new ReviewError('ALREADY_CLAIMED', `already claimed by ${state.assignee}`);
      }
      expect(state, ['open', 'in_review'], 'claim');
      return { ...state, status: 'in_review', assignee: actor.id };
    case 'release':
      expect(state, ['in_review'], 'release');
      holderOrSupervisor(state, actor, 'release');
      return { ...state, status: 'open', assignee: null };
    case 'assign':
      supervisorOnly(actor, 'assign');
      expect(state, ['open', 'in_review', 'escalated'], 'assign');
      return {
        ...state,
        status: state.status === 'open' ? 'in_review' : state.status,
        assignee: command.assignee,
      };
    case 'escalate':
      expect(state, ['in_review'], 'escalate');
      holderOrSupervisor(state, actor, 'escalate');
      return {
        ...state,
        status: 'escalated',
        escalation: { reason: command.reason, by: actor.id, at },
      };
    case 'close':
      supervisorOnly(actor, 'close');
      expect(
        state,
        ['in_review', 'escalated'],
        'close',
        state.status === 'open' ? ': claim it first' : '',
      );
      return {
        ...state,
        status: 'closed',
        disposition: { outcome: command.outcome, reason: command.reason, by: actor.id, at },
      };
    case 'reopen':
      supervisorOnly(actor, 'reopen');
      expect(state, ['closed'], 'reopen');
      return { ...state, status: 'open', assignee: null, disposition: null, escalation: null };
    default:
      // note, suppress, unsuppress: recorded, nothing else moves.
      return state;
  }
}

function supervisorOnly(actor: Actor, action: string): void {
  if (!isSupervisor(actor))
    throw new ReviewError('FORBIDDEN', `only a supervisor or admin may ${action} an alert`);
}
