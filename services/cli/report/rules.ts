import type { RuleId, Severity } from '../../../shared/engine/alert.ts';

/** A rule as a reader meets it: a short name and what it looks for. */
export interface RuleLabel {
  readonly name: string;
  readonly looksFor: string;
}

/** Human names of the stable rule ids, in the order reports list them. */
export const RULE_LABELS: Readonly<Record<RuleId, RuleLabel>> = {
  'sanctioned-counterparty': {
    name: 'Sanctioned counterparty',
    looksFor: 'a payout or transfer touches a listed wallet, in either direction',
  },
  'sanctioned-exposure': {
    name: 'Indirect exposure',
    looksFor:
      'pay reaches a listed wallet within a few hops; the share that arrives is the exposure',
  },
  'extortion-wallet': {
    name: 'Extortion wallet',
    looksFor: 'a wallet named in an extortion report is paid or sits on a worker profile',
  },
  'extortion-contact': {
    name: 'Extortion contact',
    looksFor: 'an email, phone or messenger handle from an extortion report is on a worker profile',
  },
  'identity-match': {
    name: 'Identity match',
    looksFor: 'a worker name, alias or employer is close to a listed person or entity',
  },
  consolidation: {
    name: 'Consolidation',
    looksFor: "several workers' wallets forward most of each payout within hours to one collector",
  },
  'shared-device': {
    name: 'Laptop farm',
    looksFor: 'workers share a device, IP, home address or bank account',
  },
  'shared-payout-wallet': {
    name: 'Shared payout wallet',
    looksFor: 'distinct workers are paid to one wallet',
  },
  'geo-mismatch': {
    name: 'Geo mismatch',
    looksFor: 'claimed residence differs from where the worker logs in; VPNs, remote-access tools',
  },
  'payout-wallet-change': {
    name: 'Payout wallet change',
    looksFor: 'a new, fresh or shared payout wallet right before a pay run',
  },
};

/** Severities from worst to mildest: the order of every count and column. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** The label of a rule id, or the id itself for a rule this build does not know. */
export function ruleLabel(rule: string): RuleLabel {
  return RULE_LABELS[rule as RuleId] ?? { name: rule, looksFor: '' };
}
