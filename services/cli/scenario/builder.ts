import {
  type Envelope,
  type EventData,
  type EventType,
  envelope,
  eventId,
} from '../../../shared/contract/index.ts';
import type { Prng } from './prng.ts';

/** Ethereum USDC (6 decimals): what the scenario's payroll pays in. */
export const USDC = {
  symbol: 'USDC',
  contract: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  decimals: 6,
} as const;
const ETH = { symbol: 'ETH', contract: null, decimals: 18 } as const;

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

type Transfer = EventData<'transfer.observed'>;

/** Collects the scenario's events with their times; `sorted()` hands them out in time order. */
export class ScenarioBuilder {
  private readonly items: { at: number; seq: number; event: Envelope }[] = [];
  private seq = 0;

  constructor(
    readonly rng: Prng,
    /** Time of block 0 (ms). */
    readonly t0: number,
  ) {}

  private add<T extends EventType>(
    type: T,
    data: EventData<T>,
    at: number,
    naturalKey: string,
  ): Envelope<T> {
    const event = envelope(type, data, {
      id: eventId(type, naturalKey),
      occurredAt: new Date(at).toISOString(),
      source: 'scenario',
    });
    this.items.push({ at, seq: this.seq++, event: event as Envelope });
    return event;
  }

  /** A `worker.upserted` (a new profile version for the same worker gets a new event id). */
  worker(data: EventData<'worker.upserted'>, at: number): void {
    this.add('worker.upserted', data, at, `${data.workerId}@${at}`);
  }

  /** A payout requested a day before it is executed. */
  payout(
    data: Omit<EventData<'payout.executed'>, 'asset' | 'chain' | 'txHash'>,
    at: number,
  ): string {
    const txHash = this.rng.hash();
    const base = { ...data, asset: 'USDC', chain: 'ethereum' };
    this.add('payout.requested', base, at - DAY, `req:${data.payoutId}`);
    this.add('payout.executed', { ...base, txHash }, at, `exe:${data.payoutId}`);
    return txHash;
  }

  /** An on-chain transfer (USDC unless `eth`); returns its data so it can be retracted. */
  transfer(from: string, to: string, amount: number, at: number, eth = false): Transfer {
    const blockNumber = 21_000_000 + Math.floor((at - this.t0) / 12_000);
    const data: Transfer = {
      chain: 'ethereum',
      txHash: this.rng.hash(),
      logIndex: eth ? null : this.rng.int(0, 200),
      blockNumber,
      blockHash: this.rng.hash(),
      timestamp: new Date(at).toISOString(),
      asset: eth ? ETH : USDC,
      from,
      to,
      amount: amount.toFixed(eth ? 4 : 2),
    };
    this.add('transfer.observed', data, at, `${data.txHash}:${data.logIndex}`);
    return data;
  }

  /** A reorg took `data` out of the chain. */
  retract(data: Transfer, at: number): void {
    this.add('transfer.retracted', data, at, `retract:${data.txHash}:${data.logIndex}`);
  }

  /** An extortion report. */
  report(data: EventData<'extortion.reported'>, at: number): void {
    this.add('extortion.reported', data, at, data.reportId);
  }

  /** Every event in canonical order: oldest first, ties by event id. */
  sorted(): Envelope[] {
    // Ties on time go by event id: the engine's canonical order, so a saved scenario is a
    // file `flowsentry scan` can stream without sorting.
    const byId = (a: Envelope, b: Envelope) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    return this.items.sort((a, b) => a.at - b.at || byId(a.event, b.event)).map((i) => i.event);
  }

  get size(): number {
    return this.items.length;
  }
}
