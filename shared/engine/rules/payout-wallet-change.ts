import { Type } from '@sinclair/typebox';
import type { Envelope } from '../../contract/index.ts';
import type { NormalizedEvent } from '../../normalize/index.ts';
import { keyPart } from '../alert.ts';
import { describeEvent, fact } from '../evidence.ts';
import type { PayoutFacts } from '../model/facts.ts';
import { alertFrom, type Finding, NO_ALERTS, type RuleDefinition } from '../rule.ts';
import { clampScore, Enabled, Score, severityOf } from '../scoring.ts';

/** Thresholds of `payout-wallet-change`. */
export const schema = Type.Object(
  {
    enabled: Enabled,
    windowHours: Type.Number({
      minimum: 1,
      maximum: 24 * 60,
      default: 72,
      description: 'a wallet added this soon before a payout is new',
    }),
    freshDays: Type.Number({
      minimum: 0,
      maximum: 3650,
      default: 30,
      description: 'a wallet first seen on chain this recently is fresh',
    }),
    requireRisk: Type.Boolean({
      default: true,
      description: 'alert only when the new wallet is also fresh, shared or a collector',
    }),
    score: Score(55, 'score of a change with one risk'),
    perReason: Score(15, 'added for each further risk'),
  },
  { default: {}, additionalProperties: false },
);

type Config = typeof schema.static;
const HOUR = 3_600_000;
type PayoutEnvelope = Envelope<'payout.requested' | 'payout.executed'>;

/** True when the worker was paid to a wallet other than `key` (a plain loop: every payout asks). */
function paidElsewhere(paid: readonly { key: string }[], key: string): boolean {
  for (const p of paid) if (p.key !== key) return true;
  return false;
}

/** Why the wallet paid now is risky, or undefined when it is not a fresh change. */
function reasonsFor(
  c: Config,
  f: PayoutFacts,
  e: PayoutEnvelope,
  at: string,
): string[] | undefined {
  const worker = f.worker;
  const w = f.wallet;
  // Most payouts go where the worker was always paid: settle that before any date math.
  if (!worker || !paidElsewhere(worker.paidWallets, w.key)) return undefined;
  const t = Date.parse(at);
  const before = worker.paidWallets.filter((p) => p.key !== w.key && p.at < at);
  const here = worker.paidWallets.find((p) => p.key === w.key);
  if (before.length === 0 || (here && here.payoutId !== e.data.payoutId)) return undefined;
  const claim = worker.wallets.find((x) => x.key === w.key);
  if (claim && t - Date.parse(claim.addedAt) > c.windowHours * HOUR) return undefined;
  const reasons = [claim ? `added ${claim.addedAt}` : 'not in the profile'];
  const freshSince = new Date(t - c.freshDays * 24 * HOUR).toISOString();
  if (w.firstSeen === undefined || w.firstSeen >= freshSince)
    reasons.push(`fresh (first seen on chain ${w.firstSeen ?? 'never'})`);
  const others = new Set(
    [...w.claimedBy, ...w.paid.map((p) => p.workerId)].filter((x) => x !== worker.workerId),
  );
  if (others.size > 0) reasons.push(`shared with ${[...others].join(', ')}`);
  if (w.tags.some((x) => x.category === 'collector')) reasons.push('a known collector');
  return reasons;
}

function findingOf(
  f: PayoutFacts,
  e: PayoutEnvelope,
  reasons: string[],
  score: number,
  event: NormalizedEvent,
): Finding {
  const w = f.wallet;
  const { workerId, payoutId } = e.data;
  const previous = (f.worker?.paidWallets ?? [])
    .filter((p) => p.key !== w.key)
    .map((p) => p.address);
  return {
    rule: 'payout-wallet-change',
    severity: severityOf(score),
    score,
    title: `Worker ${workerId} switched payouts to a new wallet ${w.address} just before a pay run`,
    subject: { kind: 'worker', workerId, chain: w.chain, address: w.address },
    subjectKey: `${keyPart(workerId)}:${w.key}`,
    evidence: [
      describeEvent(event),
      fact('previous wallets', previous.join(', ')),
      ...reasons.map((r) => fact('new wallet', r)),
    ],
    related: { workers: [workerId], wallets: [w.address, ...previous], payouts: [payoutId] },
  };
}

/**
 * `payout-wallet-change`: a payout goes to a wallet the worker switched to just before
 * the pay run, and that wallet is fresh, shared with other workers or a known collector.
 * A plain change to an established wallet is normal and does not alert by default.
 */
export const definition: RuleDefinition<typeof schema> = {
  id: 'payout-wallet-change',
  schema,
  create(config) {
    return {
      id: 'payout-wallet-change',
      types: ['payout.requested', 'payout.executed'],
      evaluate(event, ctx) {
        const facts = ctx.facts;
        const e = event.envelope;
        if (!config.enabled || facts?.kind !== 'payout') return NO_ALERTS;
        if (e.type !== 'payout.requested' && e.type !== 'payout.executed') return NO_ALERTS;
        const reasons = reasonsFor(config, facts, e, event.at);
        if (!reasons || (config.requireRisk && reasons.length < 2)) return NO_ALERTS;
        const score = clampScore(config.score + config.perReason * (reasons.length - 2));
        const finding = findingOf(facts, e, reasons, score, event);
        return [alertFrom(finding, event)];
      },
    };
  },
};
