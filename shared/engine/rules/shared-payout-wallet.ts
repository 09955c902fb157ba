import { Type } from '@sinclair/typebox';
import { describeEvent, fact } from '../evidence.ts';
import { MAX_PAID_WORKERS } from '../model/payouts.ts';
import { alertFrom, NO_ALERTS, type RuleDefinition } from '../rule.ts';
import { clampScore, Enabled, Score, severityOf } from '../scoring.ts';

/** Thresholds of `shared-payout-wallet`. */
export const schema = Type.Object(
  {
    enabled: Enabled,
    minWorkers: Type.Integer({
      minimum: 2,
      maximum: MAX_PAID_WORKERS,
      default: 3,
      description: 'distinct workers paid to one wallet before it alerts',
    }),
    score: Score(70, 'score at minWorkers'),
    perExtraWorker: Score(5, 'added for each further worker'),
  },
  { default: {}, additionalProperties: false },
);

/**
 * `shared-payout-wallet`: distinct workers are paid to one wallet. Two is common enough
 * (a couple, a two-person agency) to flood the queue, so the default starts at three,
 * which is what a handler collecting for a group looks like.
 */
export const definition: RuleDefinition<typeof schema> = {
  id: 'shared-payout-wallet',
  schema,
  create(config) {
    return {
      id: 'shared-payout-wallet',
      types: ['payout.executed'],
      evaluate(event, ctx) {
        const facts = ctx.facts;
        const e = event.envelope;
        if (!config.enabled || facts?.kind !== 'payout' || e.type !== 'payout.executed')
          return NO_ALERTS;
        const paid = facts.wallet.paid;
        if (paid.length < config.minWorkers || !paid.some((p) => p.workerId === e.data.workerId))
          return NO_ALERTS;
        const score = clampScore(
          config.score + config.perExtraWorker * (paid.length - config.minWorkers),
        );
        const w = facts.wallet;
        const finding = {
          rule: 'shared-payout-wallet' as const,
          severity: severityOf(score),
          score,
          title: `${paid.length} workers paid to one wallet ${w.address}`,
          subject: { kind: 'wallet' as const, chain: w.chain, address: w.address },
          subjectKey: w.key,
          evidence: [
            describeEvent(event),
            ...paid.map((p) =>
              fact(`worker ${p.workerId}`, `first paid here by payout ${p.payoutId} at ${p.at}`),
            ),
          ],
          related: {
            workers: paid.map((p) => p.workerId),
            wallets: [w.address],
            payouts: [e.data.payoutId],
          },
        };
        return [alertFrom(finding, event)];
      },
    };
  },
};
