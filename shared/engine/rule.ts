import type { Static, TObject } from '@sinclair/typebox';
import type { Envelope, EventType } from '../contract/index.ts';
import type { TagIndex } from '../lists/tag-index.ts';
import type { NormalizedEvent } from '../normalize/index.ts';
import type { Alert, AlertSubject, Evidence, RuleId, Severity } from './alert.ts';
import { alertId, monthWindow } from './alert.ts';
import type { Facts } from './model/facts.ts';

/** What a rule may read while it evaluates one event. */
export interface RuleContext {
  /** The active tag set (all active list versions). */
  readonly tags: TagIndex;
  /** What the engine's model derived from the event (absent when a rule runs on its own). */
  readonly facts?: Facts;
  /** Set while past events are screened again after the tag set changed. */
  readonly lookback?: boolean;
  /** Event time before which retained events are past retention. */
  readonly cutoff?: string;
  /** The envelope of a retained event, by id (for rules that look back at a wallet's past). */
  readonly pastEvent?: (eventId: string) => Envelope | undefined;
}

/** The empty result rules return when they find nothing (shared: the hot path allocates nothing). */
export const NO_ALERTS: readonly Alert[] = Object.freeze([]);

/** One typology: reads an event, returns the alerts it finds (usually none). */
export interface Rule {
  readonly id: RuleId;
  /** True when a list change can change the rule's findings: it runs again in lookback. */
  readonly listDriven?: boolean;
  /** Event types the rule reads; the engine calls it for no others (absent: all). */
  readonly types?: readonly EventType[];
  evaluate(event: NormalizedEvent, ctx: RuleContext): readonly Alert[];
}

/** A rule as configured by data: its id, the schema of its thresholds and a factory. */
export interface RuleDefinition<S extends TObject = TObject> {
  readonly id: RuleId;
  /** TypeBox schema of the rule's section in the rules file, defaults included. */
  readonly schema: S;
  create(config: Static<S>): Rule;
}

/** The parts of a finding a rule decides; the rest is filled the same way for every rule. */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly score: number;
  readonly title: string;
  readonly subject: AlertSubject;
  /** Identity of the subject within the rule, e.g. the wallet key. */
  readonly subjectKey: string;
  readonly evidence: readonly Evidence[];
  readonly related: Alert['related'];
}

/**
 * Turns a finding about one event into an open alert with its deterministic id. The
 * window is the event's month, also in lookback, so a late finding merges into the alert
 * a live one would have opened.
 */
export function alertFrom(
  finding: Finding,
  event: NormalizedEvent,
  options: { lookback?: boolean } = {},
): Alert {
  return {
    id: alertId(finding.rule, finding.subjectKey, monthWindow(event.at)),
    rule: finding.rule,
    severity: finding.severity,
    score: finding.score,
    title: finding.title,
    subject: finding.subject,
    evidence: finding.evidence,
    related: finding.related,
    eventIds: [event.envelope.id],
    createdAt: event.at,
    lastSeenAt: event.at,
    count: 1,
    status: 'open',
    assignee: null,
    disposition: null,
    ...(options.lookback ? { lookback: true } : {}),
  };
}
