import type { AlertStatus } from '../../engine/alert.ts';
import { FlowsentryError } from '../../errors.ts';

/** Roles an API token carries; the same strings as FLOWSENTRY_API_TOKENS. */
export type Role = 'platform' | 'analyst' | 'supervisor' | 'admin';

/** Who made a change: a stable id (never the token itself) and the role it acted in. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
}

/** How a reviewer closed an alert. */
export const DISPOSITIONS = ['true_positive', 'false_positive', 'benign'] as const;
export type DispositionOutcome = (typeof DISPOSITIONS)[number];

/** The closing decision on an alert. */
export interface Disposition {
  readonly outcome: DispositionOutcome;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

/** The review state of one alert; an alert nobody touched is `open` at version 0. */
export interface ReviewState {
  readonly status: AlertStatus;
  readonly assignee: string | null;
  readonly disposition: Disposition | null;
  readonly escalation: { readonly reason: string; readonly by: string; readonly at: string } | null;
  readonly updatedAt: string | null;
  /** Bumped by every change, notes included: the compare-and-set token. */
  readonly version: number;
}

/** The state of an alert nobody has touched. */
export const INITIAL_REVIEW: ReviewState = Object.freeze({
  status: 'open',
  assignee: null,
  disposition: null,
  escalation: null,
  updatedAt: null,
  version: 0,
});

/** A change a reviewer asks for; the lifecycle decides whether it is allowed. */
export type ReviewCommand =
  | { readonly type: 'claim' }
  | { readonly type: 'release' }
  | { readonly type: 'assign'; readonly assignee: string }
  | { readonly type: 'escalate'; readonly reason: string }
  | { readonly type: 'close'; readonly outcome: DispositionOutcome; readonly reason: string }
  | { readonly type: 'reopen'; readonly reason: string }
  | { readonly type: 'note'; readonly text: string }
  | { readonly type: 'suppress'; readonly suppressionId: string; readonly reason: string }
  | { readonly type: 'unsuppress'; readonly suppressionId: string };

/** The part of a review state an audit entry shows before and after a change. */
export type ReviewSnapshot = Pick<ReviewState, 'status' | 'assignee' | 'disposition'>;

/** One line of an alert's append-only audit trail: who, when, what, before and after. */
export interface AuditEntry {
  readonly alertId: string;
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly role: Role;
  readonly action: ReviewCommand['type'];
  readonly before: ReviewSnapshot;
  readonly after: ReviewSnapshot;
  /** The note text, or the reason given for an escalation, a close, a reopen, a suppression. */
  readonly text?: string;
}

/** A standing decision that alerts of one rule about one subject need no review. */
export interface Suppression {
  readonly id: string;
  readonly rule: string;
  /** `wallet:<address key>`, `worker:<workerId>` or `employer:<id>`, with the listed entries matched: see subjectKeyOf. */
  readonly subjectKey: string;
  readonly reason: string;
  readonly by: string;
  readonly createdAt: string;
  /** ISO time after which it stops applying; null = until removed. */
  readonly until: string | null;
  /** The alert it was created from; its audit trail records the suppression and its removal. */
  readonly alertId: string;
}

/** A payout a platform is about to send, as screened. */
export interface ScreenedPayout {
  readonly workerId: string;
  readonly chain: string;
  readonly address: string;
  readonly asset: string;
  readonly amount: string;
  readonly payoutId?: string;
}

/** A pre-payout screening answer as it was given, kept for the record. */
export interface ScreeningRecord {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly request: ScreenedPayout;
  readonly decision: 'allow' | 'review' | 'block';
  readonly reasons: readonly { readonly code: string; readonly message: string }[];
  readonly listVersions: readonly string[];
}

/** Stable codes of review errors; the HTTP layer maps them to status codes. */
export type ReviewErrorCode =
  | 'ALREADY_CLAIMED'
  | 'INVALID_TRANSITION'
  | 'NOT_ASSIGNEE'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'NOT_FOUND'
  | 'NOT_SUPPRESSIBLE';

/** A review change that was refused, with a stable code and a message a reviewer can read. */
export class ReviewError extends FlowsentryError {
  constructor(
    readonly reviewCode: ReviewErrorCode,
    message: string,
  ) {
    super(`REVIEW_${reviewCode}`, message, reviewCode === 'CONFLICT');
  }
}
