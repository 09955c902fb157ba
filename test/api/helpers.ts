import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../services/api/app.ts';
import type { ApiDeps, ApiToken } from '../../services/api/deps.ts';
import { type Alert, alertId } from '../../shared/engine/alert.ts';
import { Engine } from '../../shared/engine/index.ts';
import { TagIndex } from '../../shared/lists/tag-index.ts';
import { normalizeEvent } from '../../shared/normalize/index.ts';
import { MemoryAlertSink } from '../../shared/ports/alert-sink/index.ts';
import { MemoryDeliveryLog, MemoryReviewStore } from '../../shared/ports/review-store/index.ts';
import { LAZARUS_WALLET, lazarusList, payoutExecuted } from '../helpers/fixtures.ts';

/** One token per role; names make the audit easy to read. */
export const TOKENS = {
  platform: 'tok-platform-0123456789abcdef',
  analyst: 'tok-analyst-0123456789abcdef',
  analyst2: 'tok-analyst2-0123456789abcdef',
  supervisor: 'tok-supervisor-0123456789abcdef',
  admin: 'tok-admin-0123456789abcdef',
} as const;

export const API_TOKENS: ApiToken[] = [
  { token: TOKENS.platform, role: 'platform', name: 'payroll-co' },
  { token: TOKENS.analyst, role: 'analyst', name: 'ana' },
  { token: TOKENS.analyst2, role: 'analyst', name: 'bob' },
  { token: TOKENS.supervisor, role: 'supervisor', name: 'sue' },
  { token: TOKENS.admin, role: 'admin', name: 'root' },
];

export const bearer = (role: keyof typeof TOKENS) => ({ authorization: `Bearer ${TOKENS[role]}` });

export const EXPOSED_WALLET = '0x2222222222222222222222222222222222222222';
export const HOP_WALLET = '0x3333333333333333333333333333333333333333';
export const SHARED_WALLET = '0x4444444444444444444444444444444444444444';

/** An alert of any rule, filled with plausible defaults. */
export function makeAlert(over: Partial<Alert> & Pick<Alert, 'rule' | 'subject'>): Alert {
  const key = over.subject.address ?? over.subject.workerId ?? 'x';
  return {
    id: alertId(over.rule, key, '2026-11'),
    severity: 'medium',
    score: 50,
    title: `${over.rule} on ${key}`,
    evidence: [],
    related: { workers: [], wallets: [], payouts: [] },
    eventIds: [`evt-${over.rule}-${key}`],
    createdAt: '2026-11-02T10:00:00.000Z',
    lastSeenAt: '2026-11-02T10:00:00.000Z',
    count: 1,
    status: 'open',
    assignee: null,
    disposition: null,
    ...over,
  };
}

/** A realistic queue: a direct sanctions hit from the engine, an indirect exposure with its path, and two more. */
export function seedAlerts(): Alert[] {
  const engine = new Engine({ tags: new TagIndex([lazarusList()]) });
  const [direct] = engine.process([
    normalizeEvent(
      payoutExecuted({ toAddress: LAZARUS_WALLET, workerId: 'w-100', payoutId: 'po-100' }),
    ),
  ]);
  const exposure = makeAlert({
    rule: 'sanctioned-exposure',
    severity: 'high',
    score: 72,
    title: `72% of payout reached LAZARUS GROUP in 2 hops`,
    subject: { kind: 'wallet', chain: 'ethereum', address: EXPOSED_WALLET, workerId: 'w-200' },
    related: {
      workers: ['w-200'],
      wallets: [EXPOSED_WALLET, HOP_WALLET, LAZARUS_WALLET],
      payouts: ['po-200'],
    },
    evidence: [
      {
        kind: 'event',
        eventId: 'evt-po-200',
        type: 'payout.executed',
        occurredAt: '2026-11-03T09:00:00.000Z',
        summary: 'paid 4000 USDC on ethereum to 0x2222 for worker w-200',
        payoutId: 'po-200',
      },
      {
        kind: 'hop-path',
        chain: 'ethereum',
        exposure: 0.72,
        hops: [
          { from: EXPOSED_WALLET, to: HOP_WALLET, amount: '3600', share: 0.9, txHash: '0xaaa1' },
          { from: HOP_WALLET, to: LAZARUS_WALLET, amount: '2880', share: 0.8, txHash: '0xaaa2' },
        ],
      },
    ],
    lastSeenAt: '2026-11-03T09:00:00.000Z',
  });
  const shared = makeAlert({
    rule: 'shared-payout-wallet',
    severity: 'medium',
    score: 55,
    title: 'Two workers paid to one wallet',
    subject: { kind: 'wallet', chain: 'ethereum', address: SHARED_WALLET },
    related: {
      workers: ['w-300', 'w-301'],
      wallets: [SHARED_WALLET],
      payouts: ['po-300', 'po-301'],
    },
    evidence: [{ kind: 'fact', label: 'workers', value: 'w-300, w-301' }],
    lastSeenAt: '2026-11-04T09:00:00.000Z',
  });
  const geo = makeAlert({
    rule: 'geo-mismatch',
    severity: 'low',
    score: 30,
    title: 'Residence US, logins from CN over VPN',
    subject: { kind: 'worker', workerId: 'w-400' },
    related: { workers: ['w-400'], wallets: [], payouts: [] },
    lastSeenAt: '2026-11-01T09:00:00.000Z',
  });
  return [direct!, exposure, shared, geo];
}

/** The app over memory adapters, seeded; `refreshMs: 0` makes every read see the latest alerts. */
export async function testApp(over: Partial<ApiDeps> = {}) {
  const sink = new MemoryAlertSink();
  const alerts = seedAlerts();
  await sink.deliver(alerts);
  const review = new MemoryReviewStore();
  const deliveryLog = new MemoryDeliveryLog();
  const deps: ApiDeps = {
    alerts: sink,
    review,
    tokens: API_TOKENS,
    tags: () => new TagIndex([lazarusList()]),
    refreshMs: 0,
    deliveryLog,
    queueCounts: async () => ({ prioritized: alerts.length }),
    health: { memory: async () => 'ok' },
    profiles: async (id) =>
      id === 'w-200' ? { workerId: id, nationality: 'US', residenceCountry: 'US' } : null,
    ...over,
  };
  const app: FastifyInstance = await buildApp(deps);
  return { app, sink, review, alerts, deps };
}
