import { Type } from '@sinclair/typebox';
import { describeEvent, fact } from '../evidence.ts';
import type { SharedAttr } from '../model/facts.ts';
import { alertFrom, NO_ALERTS, type RuleDefinition } from '../rule.ts';
import { clampScore, Enabled, Score, severityOf } from '../scoring.ts';

const PerKind = (
  device: number,
  bank: number,
  address: number,
  ip: number,
  description: string,
  integer: boolean,
) => {
  const n = integer ? Type.Integer({ minimum: 0 }) : Type.Number({ minimum: 0 });
  return Type.Object(
    { device: n, bank: n, address: n, ip: n },
    { default: { device, bank, address, ip }, description },
  );
};

/** Thresholds of `shared-device`. */
export const schema = Type.Object(
  {
    enabled: Enabled,
    minWorkers: PerKind(
      2,
      2,
      3,
      3,
      'workers sharing one value of the kind before it alerts on its own',
      true,
    ),
    weights: PerKind(
      1,
      1,
      0.6,
      0.3,
      'how much sharing a value of the kind ties two workers',
      false,
    ),
    pairThreshold: Type.Number({
      minimum: 0,
      default: 1,
      description: 'summed weight that ties two workers',
    }),
    score: Score(75, 'score of a laptop-farm finding'),
    perExtraWorker: Score(3, 'added for each further worker tied in'),
  },
  { default: {}, additionalProperties: false },
);

type Config = typeof schema.static;
type Kind = keyof Config['weights'];

/** Attributes that on their own tie enough workers. */
function crowded(c: Config, shared: readonly SharedAttr[]): SharedAttr[] {
  return shared.filter((s) => s.workers.length + 1 >= c.minWorkers[s.kind as Kind]);
}

/** Other workers tied to this one by the summed weight of what they share. */
function tiedPairs(c: Config, shared: readonly SharedAttr[]): string[] {
  const weight = new Map<string, number>();
  for (const s of shared) {
    for (const w of s.workers) weight.set(w, (weight.get(w) ?? 0) + c.weights[s.kind as Kind]);
  }
  return [...weight].filter(([, sum]) => sum >= c.pairThreshold).map(([w]) => w);
}

/**
 * `shared-device`: workers share a device fingerprint, a bank account, a home address or
 * an IP (laptop farms). Strong ties (device, bank) alert from two workers; weak ones (a
 * coworking IP, a shared flat) need more workers or a second tie.
 */
export const definition: RuleDefinition<typeof schema> = {
  id: 'shared-device',
  schema,
  create(config) {
    return {
      id: 'shared-device',
      types: ['worker.upserted'],
      evaluate(event, ctx) {
        const facts = ctx.facts;
        if (!config.enabled || facts?.kind !== 'worker' || facts.stale) return NO_ALERTS;
        const shared = facts.shared.filter((s) => s.kind in config.weights);
        const many = crowded(config, shared);
        const pairs = tiedPairs(config, shared);
        if (many.length === 0 && pairs.length === 0) return NO_ALERTS;
        const workerId = facts.record.workerId;
        const tied = [...new Set([...many.flatMap((s) => s.workers), ...pairs])].sort();
        const score = clampScore(config.score + config.perExtraWorker * (tied.length - 1));
        const kinds = [...new Set(shared.map((s) => s.kind))].join(', ');
        const finding = {
          rule: 'shared-device' as const,
          severity: severityOf(score),
          score,
          title: `Worker ${workerId} shares ${kinds} with ${tied.length} other worker(s)`,
          subject: { kind: 'worker' as const, workerId },
          subjectKey: workerId,
          evidence: [
            describeEvent(event),
            ...shared.map((s) =>
              fact(`shared ${s.kind}`, `${s.value}: also ${s.workers.join(', ')}`),
            ),
          ],
          related: { workers: [workerId, ...tied], wallets: [], payouts: [] },
        };
        return [alertFrom(finding, event)];
      },
    };
  },
};
