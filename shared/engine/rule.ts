import type { TagIndex } from '../lists/tag-index.ts';
import type { NormalizedEvent } from '../normalize/index.ts';
import type { Alert, AlertSubject, Evidence, RuleId, Severity } from './alert.ts';
import { alertId, monthWindow } from './alert.ts';

/** What a rule may read while it evaluates one event. */
export interface RuleContext {
  /** The active tag set (all active list versions). */
  readonly tags: TagIndex;
}

/** One typology: reads an event, returns the alerts it finds (usually none). */
export interface Rule {
  readonly id: RuleId;
  evaluate(event: NormalizedEvent, ctx: RuleContext): readonly Alert[];
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

/** Turns a finding about one event into an open alert with its deterministic id. */
export function alertFrom(finding: Finding, event: NormalizedEvent): Alert {
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
  };
}
