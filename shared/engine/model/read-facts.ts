import type { Envelope } from '../../contract/index.ts';
import type { NormalizedEvent } from '../../normalize/index.ts';
import { keys } from '../state/keys.ts';
import type { PayoutRecord, WorkerRecord } from '../state/records.ts';
import type { ModelContext } from './context.ts';
import type { Facts } from './facts.ts';
import { feedingOf } from './forwarding.ts';
import { arrivedAt } from './taint.ts';
import { inboundTrails, loadTransfer } from './transfers.ts';
import { walletOf } from './wallets.ts';

type Transfer = Envelope<'transfer.observed'>;

/**
 * The facts of an event already applied, read back without changing anything: what
 * lookback screens again when the tag set changes. Undefined for events it cannot
 * rebuild (a retracted transfer, a report).
 */
export function readFacts(ctx: ModelContext, event: NormalizedEvent): Facts | undefined {
  const e = event.envelope;
  const party = (role: string) => event.wallets.find((w) => w.role === role)!;
  switch (e.type) {
    case 'payout.requested':
    case 'payout.executed': {
      const payout = ctx.state.get<PayoutRecord>(keys.payout(e.data.payoutId));
      if (!payout) return undefined;
      const worker = ctx.state.get<WorkerRecord>(keys.worker(e.data.workerId));
      return { kind: 'payout', payout, wallet: walletOf(ctx, party('to')), worker };
    }
    case 'transfer.observed': {
      const d = (e as Transfer).data;
      const rec = loadTransfer(ctx, keys.transfer(d.chain, d.txHash, d.logIndex));
      if (!rec || rec.retracted) return undefined;
      const from = walletOf(ctx, party('from'));
      const to = walletOf(ctx, party('to'));
      return {
        kind: 'transfer',
        record: rec,
        from,
        to,
        arrived: arrivedAt(to, rec.carried),
        feeding: feedingOf(from, to, rec),
        trails: inboundTrails(ctx, from, to, rec, event),
      };
    }
    case 'worker.upserted': {
      const record = ctx.state.get<WorkerRecord>(keys.worker(e.data.workerId));
      return record
        ? { kind: 'worker', record, shared: [], contactHits: [], stale: false }
        : undefined;
    }
    default:
      return undefined;
  }
}
