import { Type } from '@sinclair/typebox';
import type { TagHit } from '../../lists/tag-index.ts';
import type { NormalizedEvent, WalletParty } from '../../normalize/index.ts';
import type { Alert } from '../alert.ts';
import { defaultsOf } from '../config/defaults.ts';
import { describeEvent, listEvidence } from '../evidence.ts';
import {
  alertFrom,
  type Finding,
  NO_ALERTS,
  type Rule,
  type RuleContext,
  type RuleDefinition,
} from '../rule.ts';
import { Enabled, Score, severityOf } from '../scoring.ts';

export { describeEvent, listEvidence };

/** Thresholds of `sanctioned-counterparty`. */
export const schema = Type.Object(
  {
    enabled: Enabled,
    categories: Type.Array(Type.String(), {
      default: ['sanctions'],
      description: 'list categories that count as sanctioned',
    }),
    executedScore: Score(100, 'a payout that left for a listed wallet'),
    requestedScore: Score(85, 'a payout requested to a listed wallet (it can still be stopped)'),
    transferScore: Score(95, 'an on-chain transfer to or from a listed wallet'),
  },
  { default: {}, additionalProperties: false },
);

const SCREENED = new Set(['payout.requested', 'payout.executed', 'transfer.observed']);

type Config = typeof schema.static;

function finding(
  c: Config,
  event: NormalizedEvent,
  party: WalletParty,
  hits: readonly TagHit[],
): Finding {
  const e = event.envelope;
  const isPayout = e.type === 'payout.executed' || e.type === 'payout.requested';
  const workerId = isPayout ? e.data.workerId : undefined;
  const names = [...new Set(hits.map((h) => h.entry.name))].join(', ');
  const direction = party.role === 'to' ? 'to' : 'from';
  const score =
    e.type === 'payout.requested' ? c.requestedScore : isPayout ? c.executedScore : c.transferScore;
  return {
    rule: 'sanctioned-counterparty',
    severity: severityOf(score),
    score,
    title: `${isPayout ? 'Payout' : 'Transfer'} ${direction} sanctioned wallet ${party.address} (${names})`,
    subject: {
      kind: 'wallet',
      chain: party.chain,
      address: party.address,
      ...(workerId ? { workerId } : {}),
    },
    subjectKey: party.key,
    evidence: [describeEvent(event), ...hits.map(listEvidence)],
    related: {
      workers: workerId ? [workerId] : [],
      wallets: event.wallets.map((w) => w.address),
      payouts: isPayout ? [e.data.payoutId] : [],
    },
  };
}

/**
 * `sanctioned-counterparty`: a payout or transfer touches a wallet on a sanctions list,
 * in either direction. Executed payouts score highest: the money has already left.
 */
export const definition: RuleDefinition<typeof schema> = {
  id: 'sanctioned-counterparty',
  schema,
  create(config) {
    const categories = new Set(config.categories);
    const hitsOf = (key: string, tags: RuleContext['tags']) => {
      const all = tags.lookup(key);
      return all.length === 0 ? all : all.filter((h) => categories.has(h.entry.category));
    };
    return {
      id: 'sanctioned-counterparty',
      listDriven: true,
      types: ['payout.requested', 'payout.executed', 'transfer.observed'],
      evaluate(event, ctx) {
        if (!config.enabled || !SCREENED.has(event.envelope.type)) return NO_ALERTS;
        let alerts: Alert[] | undefined;
        for (const party of event.wallets) {
          const hits = hitsOf(party.key, ctx.tags);
          if (hits.length === 0) continue;
          alerts = alerts ?? [];
          alerts.push(
            alertFrom(finding(config, event, party, hits), event, {
              lookback: ctx.lookback === true,
            }),
          );
        }
        return alerts ?? NO_ALERTS;
      },
    };
  },
};

/** The rule with its default thresholds. */
export const sanctionedCounterparty: Rule = definition.create(defaultsOf(schema));
