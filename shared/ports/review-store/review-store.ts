import { auditEntry, isNoop, transition } from './lifecycle.ts';
import {
  type Actor,
  type AuditEntry,
  type ReviewCommand,
  ReviewError,
  type ReviewState,
  type ScreeningRecord,
  type Suppression,
} from './types.ts';

/** What a change did: the new state and the audit line written with it (none for a no-op). */
export interface ReviewResult {
  readonly state: ReviewState;
  readonly audit: AuditEntry | null;
}

/**
 * The review store port: review state, audit trail, suppressions and the screening record,
 * kept next to the alert queue. Every change writes its state and its audit line together
 * or not at all.
 */
export interface ReviewStore {
  /** Review state of one alert; INITIAL_REVIEW when nobody touched it. */
  get(alertId: string): Promise<ReviewState>;
  /** Review states of many alerts, in one round trip where the backend allows. */
  getMany(alertIds: readonly string[]): Promise<Map<string, ReviewState>>;
  /** Applies a lifecycle command; throws ReviewError when the lifecycle refuses it. */
  apply(alertId: string, command: ReviewCommand, actor: Actor, at?: Date): Promise<ReviewResult>;
  /** The audit trail of one alert, oldest first. */
  audit(alertId: string): Promise<AuditEntry[]>;
  /** Stores a suppression and writes a `suppress` line in the audit of the alert it came from. */
  addSuppression(suppression: Suppression, actor: Actor): Promise<ReviewResult>;
  /** Removes a suppression (an `unsuppress` audit line on its alert); false when it did not exist. */
  removeSuppression(id: string, actor: Actor, at?: Date): Promise<boolean>;
  /** Every suppression, active or expired. */
  suppressions(): Promise<Suppression[]>;
  /** Appends a screening answer to the screening record. */
  recordScreening(record: ScreeningRecord): Promise<void>;
  /** The latest screening answers, newest first. */
  screenings(limit: number): Promise<ScreeningRecord[]>;
  close(): Promise<void>;
}

/** A write to the suppression set that must land together with an audit line. */
export type SuppressionWrite = { readonly put: Suppression } | { readonly remove: string };

/** The two primitives an adapter provides so `applyCommand` can run the lifecycle over it. */
export interface CasBackend {
  read(alertId: string): Promise<ReviewState>;
  /** Writes `next`, `entry` (and `extra`) together if the stored version is still `expected`. */
  compareAndSet(
    alertId: string,
    expected: number,
    next: ReviewState,
    entry: AuditEntry,
    extra?: SuppressionWrite,
  ): Promise<boolean>;
}

const MAX_TRIES = 8;

/**
 * Runs a command as read, decide, compare-and-set, retried when another writer got in
 * between: the lifecycle then sees the new state (a second claim becomes ALREADY_CLAIMED).
 */
export async function applyCommand(
  backend: CasBackend,
  alertId: string,
  command: ReviewCommand,
  actor: Actor,
  at: Date,
  extra?: SuppressionWrite,
): Promise<ReviewResult> {
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const before = await backend.read(alertId);
    if (isNoop(before, command, actor)) return { state: before, audit: null };
    const after = transition(before, command, actor, at.toISOString());
    const entry = auditEntry(alertId, before, after, command, actor);
    if (await backend.compareAndSet(alertId, before.version, after, entry, extra))
      return { state: after, audit: entry };
  }
  throw new ReviewError('CONFLICT', `alert ${alertId} is being changed by others; try again`);
}

/** True when a suppression applies at `now`. */
export function isActive(s: Suppression, now: Date): boolean {
  return s.until === null || Date.parse(s.until) > now.getTime();
}

/** Adds a suppression through the lifecycle, so the suppression and its audit line land together. */
export function suppressVia(
  backend: CasBackend,
  s: Suppression,
  actor: Actor,
): Promise<ReviewResult> {
  const command = { type: 'suppress' as const, suppressionId: s.id, reason: s.reason };
  return applyCommand(backend, s.alertId, command, actor, new Date(s.createdAt), { put: s });
}

/** Removes a suppression through the lifecycle of the alert it came from. */
export async function unsuppressVia(
  backend: CasBackend,
  s: Suppression,
  actor: Actor,
  at: Date,
): Promise<boolean> {
  await applyCommand(backend, s.alertId, { type: 'unsuppress', suppressionId: s.id }, actor, at, {
    remove: s.id,
  });
  return true;
}
