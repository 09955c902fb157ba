import { describe, expect, it } from 'vitest';
import {
  AdaptiveRange,
  BlockScanner,
  ChainFollower,
  ChainMetrics,
  CursorStore,
  type FollowerOptions,
  observedId,
  TokenRegistry,
  transferIdentity,
} from '../../services/chain-watcher/index.ts';
import { decodeEvent, type Envelope } from '../../shared/contract/index.ts';
import { createLogger } from '../../shared/log/logger.ts';
import { MemoryEventLog } from '../../shared/ports/event-log/index.ts';
import { MemoryStateStore, type StateStore } from '../../shared/ports/state-store/index.ts';
import { FakeChain } from './fake-chain.ts';

const TOPIC = 'chain.transfers';

async function follower(
  chain: FakeChain,
  store: StateStore,
  log: MemoryEventLog,
  over: Partial<FollowerOptions> = {},
) {
  const cursors = new CursorStore(store, chain.chain);
  const tokens = new TokenRegistry(chain, store, cursors.prefix);
  return new ChainFollower({
    chain: chain.chain,
    destination: { publisher: log.publisher(), topic: TOPIC },
    cursors,
    retracted: await cursors.loadRetracted(),
    reorgWindow: 16,
    metrics: new ChainMetrics(),
    logger: createLogger('test', 'silent'),
    source: chain,
    scanner: new BlockScanner({ source: chain, tokens, native: false }),
    range: new AdaptiveRange({ initial: 100, max: 100 }),
    confirmations: 0,
    pollMs: 10,
    startBlock: 0,
    ...over,
  });
}

async function drain(f: ChainFollower): Promise<void> {
  while (await f.step()) {}
}

function events(log: MemoryEventLog): Envelope<'transfer.observed' | 'transfer.retracted'>[] {
  return log
    .read(TOPIC)
    .map((r) => decodeEvent(r.value!) as Envelope<'transfer.observed' | 'transfer.retracted'>);
}

const amounts = (es: readonly Envelope[], type: string) =>
  es
    .filter((e) => e.type === type)
    .map((e) => (e.data as { amount: string }).amount)
    .sort();

describe('chain follower over a scripted chain', () => {
  it('publishes each transfer once, in chain order, and adapts to a refused range', async () => {
    const chain = new FakeChain();
    for (let i = 1; i <= 12; i++) chain.mine([{ amount: BigInt(i) * 1_000_000n }]);
    chain.maxLogRange = 3;
    const log = new MemoryEventLog(1);
    const metrics = new ChainMetrics();
    const f = await follower(chain, new MemoryStateStore(), log, { metrics });
    await drain(f);
    expect(metrics.chain('fake').rangeSize).toBe(3); // the size the provider suggested
    const es = events(log);
    expect(es.map((e) => e.data.amount)).toEqual(
      Array.from({ length: 12 }, (_, i) => String(i + 1)),
    );
    expect(es.every((e) => e.data.asset.symbol === 'FAKE' && e.data.asset.decimals === 6)).toBe(
      true,
    );
    expect(f.position?.number).toBe(12);
  });

  it('retracts what left the chain, keeps what moved, and re-ids a transfer that comes back', async () => {
    const chain = new FakeChain();
    const log = new MemoryEventLog(1);
    const f = await follower(chain, new MemoryStateStore(), log);
    chain.mine([{ amount: 1n, txHash: `0x${'a1'.repeat(32)}` }]);
    chain.mine([
      { amount: 2n, txHash: `0x${'b2'.repeat(32)}` },
      { amount: 3n, txHash: `0x${'c3'.repeat(32)}` },
    ]);
    await drain(f);
    // b2 moves into the new block at the same position; c3 and a1 leave; d4 is new.
    chain.reorg(2, [
      [
        { amount: 2n, txHash: `0x${'b2'.repeat(32)}` },
        { amount: 4n, txHash: `0x${'d4'.repeat(32)}` },
      ],
      [],
    ]);
    await drain(f);
    const es = events(log);
    expect(amounts(es, 'transfer.retracted')).toEqual(['0.000001', '0.000003']);
    const b2 = es.filter((e) => e.data.txHash === `0x${'b2'.repeat(32)}`);
    expect(new Set(b2.map((e) => e.id)).size).toBe(1); // moved, same identity: same id, dedupes downstream
    // c3 comes back later at its old position: a new fact with a new id.
    chain.mine([
      { amount: 1n, txHash: `0x${'00'.repeat(32)}` },
      { amount: 3n, txHash: `0x${'c3'.repeat(32)}` },
    ]);
    await drain(f);
    const c3 = events(log).filter((e) => e.data.txHash === `0x${'c3'.repeat(32)}`);
    expect(c3.map((e) => e.type)).toEqual([
      'transfer.observed',
      'transfer.retracted',
      'transfer.observed',
    ]);
    expect(new Set(c3.map((e) => e.id)).size).toBe(3);
    expect(c3[2]!.id).toBe(observedId(c3[2]!.data, true));
    expect(transferIdentity(c3[1]!.data)).toBe(transferIdentity(c3[0]!.data));
  });

  it('retracts when the chain gets shorter than the cursor', async () => {
    const chain = new FakeChain();
    const log = new MemoryEventLog(1);
    const f = await follower(chain, new MemoryStateStore(), log);
    for (let i = 1; i <= 4; i++) chain.mine([{ amount: BigInt(i) }]);
    await drain(f);
    chain.reorg(3, [[{ amount: 9n }]]);
    await drain(f);
    expect(amounts(events(log), 'transfer.retracted')).toEqual([
      '0.000002',
      '0.000003',
      '0.000004',
    ]);
    expect(amounts(events(log), 'transfer.observed')).toContain('0.000009');
    expect(f.position?.number).toBe(2);
  });

  it('survives a reorg deeper than its window, retracting what it still remembers', async () => {
    const chain = new FakeChain();
    const log = new MemoryEventLog(1);
    const f = await follower(chain, new MemoryStateStore(), log, { reorgWindow: 2 });
    for (let i = 1; i <= 6; i++) {
      chain.mine([{ amount: BigInt(i) }]);
      await drain(f);
    }
    chain.reorg(4, [[], [], [], [{ amount: 7n }]]);
    await drain(f);
    // Only blocks 5 and 6 are still remembered (window 2): their transfers are retracted.
    expect(amounts(events(log), 'transfer.retracted')).toEqual(['0.000005', '0.000006']);
    expect(amounts(events(log), 'transfer.observed')).toContain('0.000007');
  });

  it('resumes from the stored cursor, and a crash before the cursor write publishes nothing twice', async () => {
    const chain = new FakeChain();
    const store = new MemoryStateStore();
    const log = new MemoryEventLog(1);
    for (let i = 1; i <= 3; i++) chain.mine([{ amount: BigInt(i) }]);
    await drain(await follower(chain, store, log));
    for (let i = 4; i <= 6; i++) chain.mine([{ amount: BigInt(i) }]);
    // The process dies after Kafka and the block memories, before the cursor: a failing store.
    const failing = Object.create(store) as StateStore;
    failing.set = async (key, value, ttl) => {
      if (key.endsWith(':cursor')) throw new Error('killed');
      return store.set(key, value, ttl);
    };
    await expect((await follower(chain, failing, log)).step()).rejects.toThrow('killed');
    await drain(await follower(chain, store, log));
    const observed = amounts(events(log), 'transfer.observed');
    expect(observed).toEqual([
      '0.000001',
      '0.000002',
      '0.000003',
      '0.000004',
      '0.000005',
      '0.000006',
    ]);
  });
});
