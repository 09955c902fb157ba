import { createHash } from 'node:crypto';

/** Stable rule ids: part of the public contract. */
export const RULE_IDS = [
  'sanctioned-counterparty',
  'sanctioned-exposure',
  'extortion-wallet',
  'extortion-contact',
  'shared-payout-wallet',
  'consolidation',
  'identity-match',
  'shared-device',
  'geo-mismatch',
  'payout-wallet-change',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
};

export type AlertStatus = 'open' | 'in_review' | 'escalated' | 'closed';

/** Who or what an alert is about. */
export interface AlertSubject {
  readonly kind: 'wallet' | 'worker' | 'employer';
  readonly chain?: string;
  readonly address?: string;
  readonly workerId?: string;
  readonly employerId?: string;
}

/** An event the finding rests on. */
export interface EventEvidence {
  readonly kind: 'event';
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly summary: string;
  readonly txHash?: string;
  readonly payoutId?: string;
}

/** The list entry that matched, with the version it came from. */
export interface ListEntryEvidence {
  readonly kind: 'list-entry';
  readonly source: string;
  readonly listVersion: string;
  readonly entryId: string;
  readonly name: string;
  readonly programs: readonly string[];
  readonly category: string;
  readonly address?: string;
  readonly currency?: string;
}

/** One hop of a path from the subject to a listed wallet. */
export interface Hop {
  readonly from: string;
  readonly to: string;
  readonly txHash?: string;
  readonly amount: string;
  readonly share: number;
}

/** How funds reached a listed wallet, and the share that did. */
export interface HopPathEvidence {
  readonly kind: 'hop-path';
  readonly chain: string;
  readonly hops: readonly Hop[];
  readonly exposure: number;
  /**
   * `inbound`: money from a listed wallet to a worker; the path starts at the listed wallet
   * and ends at the worker's wallet (the subject), and `exposure` is the share of the
   * transfer into it. Absent: a worker's pay reaching a listed wallet.
   */
  readonly direction?: 'inbound';
}

/** Anything else a reviewer needs, as a labelled fact. */
export interface FactEvidence {
  readonly kind: 'fact';
  readonly label: string;
  readonly value: string;
}

export type Evidence = EventEvidence | ListEntryEvidence | HopPathEvidence | FactEvidence;

/** A finding an investigator reviews; the id merges repeats of the same finding. */
export interface Alert {
  readonly id: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly score: number;
  readonly title: string;
  readonly subject: AlertSubject;
  readonly evidence: readonly Evidence[];
  readonly related: {
    readonly workers: readonly string[];
    readonly wallets: readonly string[];
    readonly payouts: readonly string[];
  };
  /** Event ids the alert rests on: the idempotency record, so a redelivery adds nothing. */
  readonly eventIds: readonly string[];
  /** Times of the first and last events (event time, not wall time: replays give equal alerts). */
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly count: number;
  readonly status: AlertStatus;
  readonly assignee: string | null;
  readonly disposition: null | {
    readonly outcome: string;
    readonly reason: string;
    readonly by: string;
    readonly at: string;
  };
  /** Set when the finding came from re-screening past events after a list change. */
  readonly lookback?: boolean;
  /** Events of this alert that a chain reorg removed (`transfer.retracted`). */
  readonly retractedEventIds?: readonly string[];
  /** True when every event the alert rests on was retracted: the finding no longer stands. */
  readonly withdrawn?: boolean;
}

/** One part of a key: `%` and `:` escaped, so an id holding `:` cannot pass for two parts. */
export function keyPart(text: string): string {
  return text.replaceAll('%', '%25').replaceAll(':', '%3A');
}

/**
 * A subject key from its parts, each escaped: worker `employer:X` and employer `X` give
 * different keys. Parts without `%` or `:` are kept as they are, so such keys do not change.
 */
export function subjectKey(...parts: readonly string[]): string {
  return parts.map(keyPart).join(':');
}

/**
 * Deterministic alert id from (rule, subject, window). BullMQ refuses ':' in custom job
 * ids, so the key is hashed; the rule stays readable in front.
 */
export function alertId(rule: RuleId, subjectKey: string, window: string): string {
  const digest = createHash('sha256')
    .update(`${rule}\u0000${subjectKey}\u0000${window}`)
    .digest('hex');
  return `${rule}.${digest.slice(0, 24)}`;
}

/** What every alertId looks like: a rule id, a dot, 24 hex digits (for validating ids from outside). */
export const ALERT_ID_PATTERN = `^(${RULE_IDS.join('|')})\\.[0-9a-f]{24}$`;

/** The window a finding belongs to: the UTC calendar month of the event. */
export function monthWindow(occurredAt: string): string {
  return new Date(occurredAt).toISOString().slice(0, 7);
}
