import { createHash } from 'node:crypto';
import { normalizeAddress } from '../../shared/address/index.ts';
import { type Envelope, type EventData, envelope } from '../../shared/contract/index.ts';
import { type Alert, Engine, type EngineOptions } from '../../shared/engine/index.ts';
import { TagIndex } from '../../shared/lists/tag-index.ts';
import type { ListEntry, ListSnapshot } from '../../shared/lists/types.ts';
import { normalizeEvent } from '../../shared/normalize/index.ts';

/** A test wallet: 0x followed by `n` in hex (never a real one). */
export const W = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;
/** Lazarus Group's Ronin bridge exploiter wallet, as on the OFAC list. */
export const LAZARUS = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96';

let seq = 0;
const id = (p: string) => `${p}-${++seq}`;
/** Event time: day `d` of November 2026 plus `h` hours. */
export const T = (d: number, h = 0) => new Date(Date.UTC(2026, 10, d, h)).toISOString();

/** A worker profile; one wallet `W(1000 + n)` unless told otherwise. */
export function worker(
  workerId: string,
  over: Partial<EventData<'worker.upserted'>> = {},
  at = T(1),
): Envelope {
  return envelope(
    'worker.upserted',
    { workerId, legalName: `Worker ${workerId}`, ...over },
    { id: id('wk'), occurredAt: at, source: 'test' },
  );
}

/** A payout (executed unless `requested`). */
export function payout(
  workerId: string,
  to: string,
  amount: number,
  at: string,
  o: { payoutId?: string; requested?: boolean; txHash?: string } = {},
): Envelope {
  const type = o.requested ? 'payout.requested' : 'payout.executed';
  const data = {
    payoutId: o.payoutId ?? id('po'),
    workerId,
    amount: amount.toFixed(2),
    asset: 'USDC',
    chain: 'ethereum',
    toAddress: to,
    ...(o.txHash ? { txHash: o.txHash } : {}),
  };
  return envelope(type, data, { id: id('py'), occurredAt: at, source: 'test' });
}

/** A USDC transfer (or `symbol`), with a unique tx hash unless given. */
export function transfer(
  from: string,
  to: string,
  amount: number,
  at: string,
  o: { txHash?: string; symbol?: string; id?: string } = {},
): Envelope<'transfer.observed'> {
  const txHash = o.txHash ?? `0x${createHash('sha256').update(id('tx')).digest('hex')}`;
  const data = {
    chain: 'ethereum',
    txHash,
    logIndex: 0,
    blockNumber: 1,
    blockHash: `0x${'b'.repeat(64)}`,
    timestamp: at,
    asset: { symbol: o.symbol ?? 'USDC', contract: null, decimals: 6 },
    from,
    to,
    amount: amount.toFixed(2),
  };
  return envelope('transfer.observed', data, {
    id: o.id ?? id('tr'),
    occurredAt: at,
    source: 'test',
  });
}

/** The retraction of an observed transfer (a reorg). */
export function retraction(t: Envelope<'transfer.observed'>, at: string): Envelope {
  return envelope('transfer.retracted', t.data, { id: id('rt'), occurredAt: at, source: 'test' });
}

/** An extortion report. */
export function report(data: Partial<EventData<'extortion.reported'>>, at: string): Envelope {
  return envelope(
    'extortion.reported',
    { reportId: id('rep'), addresses: [], ...data },
    { id: id('rp'), occurredAt: at, source: 'test' },
  );
}

/** A list entry (sanctions by default) with optional wallets. */
export function entry(
  name: string,
  over: Partial<ListEntry> & { wallets?: string[] } = {},
): ListEntry {
  const { wallets = [], ...rest } = over;
  const addresses = wallets.map((w) => {
    const n = normalizeAddress('ethereum', w);
    return { chain: 'ethereum', address: n.canonical, key: n.key };
  });
  return {
    source: 'test-sdn',
    entryId: name.toLowerCase().replace(/\W+/g, '-'),
    name,
    aliases: [],
    kind: 'entity',
    programs: ['DPRK3'],
    category: 'sanctions',
    addresses,
    ...rest,
  };
}

/** One list version holding the entries. */
export function list(
  entries: ListEntry[],
  publishedAt = '2026-10-01',
  source = 'test-sdn',
): ListSnapshot {
  return {
    version: {
      id: `${source}@${publishedAt}#000000000000`,
      source,
      publishedAt,
      contentHash: '0'.repeat(64),
      loadedAt: `${publishedAt}T00:00:00Z`,
      entryCount: entries.length,
      addressCount: 0,
    },
    entries,
  };
}

/** An engine over the given lists. */
export function engineWith(lists: ListSnapshot[] = [], options: EngineOptions = {}): Engine {
  return new Engine({ tags: new TagIndex(lists), ...options });
}

/** Processes events one batch; returns the alerts. */
export function run(engine: Engine, events: readonly Envelope[]): Alert[] {
  return engine.process(events.map(normalizeEvent));
}

/** Alerts of one rule. */
export const only = (alerts: readonly Alert[], rule: Alert['rule']) =>
  alerts.filter((a) => a.rule === rule);
