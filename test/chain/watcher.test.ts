import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChainWatcher } from '../../services/chain-watcher/main.ts';
import { loadConfig } from '../../shared/config/env.ts';
import { createLogger } from '../../shared/log/logger.ts';
import { type Anvil, startAnvil } from '../helpers/anvil.ts';
import { unique } from '../helpers/fixtures.ts';
import { deployToken, emitTransfers } from './evm-token.ts';
import {
  clearState,
  eventually,
  quietFor,
  type Tapped,
  tapTopic,
  watcherEnv,
} from './kafka-tap.ts';

const logger = createLogger('chain-watcher-test', 'warn');

async function start(
  anvil: Anvil,
  topic: string,
  startBlock: number,
  extra: Record<string, string> = {},
) {
  const env = watcherEnv(anvil.url, topic, startBlock, extra);
  return { env, watcher: await runChainWatcher(loadConfig(env), logger) };
}

/** (txHash, logIndex) of each record, for exact comparisons. */
const identities = (records: readonly Tapped[]) =>
  records.map((r) => `${r.event.data.txHash}#${r.event.data.logIndex}`).sort();

describe('chain watcher against anvil, real Kafka and Redis', () => {
  let anvil: Anvil;
  let token: string;
  let badToken: string;
  let alice: string;
  let bob: string;
  let carol: string;

  beforeAll(async () => {
    anvil = await startAnvil();
    [alice, bob, carol] = anvil.accounts as [string, string, string];
    token = await deployToken(anvil, { decimals: 6, symbol: 'FSUSD' });
    badToken = await deployToken(anvil, null);
  });
  afterAll(() => anvil?.stop());

  it('publishes each ERC-20 and native transfer exactly once, with amount and decimals', async () => {
    const topic = unique('chain-transfers');
    const tap = await tapTopic(topic);
    const { env, watcher } = await start(anvil, topic, (await anvil.blockNumber()) + 1);
    try {
      const t1 = await emitTransfers(anvil, token, alice, bob, 1_500_000n);
      const t2 = await emitTransfers(anvil, token, bob, carol, 2_000_000n);
      const t3 = await emitTransfers(anvil, token, alice, carol, 250_000n, 3);
      const t4 = await emitTransfers(anvil, badToken, alice, bob, 42n);
      const eth = await anvil.send({ from: alice, to: carol, value: '0x1158e460913d0000' }); // 1.25 ETH
      // A transaction that reverts moves no value: it must not show up.
      const failed = await anvil.send({
        from: alice,
        to: badToken,
        value: '0x1',
        data: '0x313ce567',
        gas: '0x20000',
      });
      expect(failed.status).toBe('0x0');
      await eventually(() => tap.records.length >= 7, '7 transfers');
      await quietFor(tap.records);
      const got = new Map(
        tap.records.map((r) => [`${r.event.data.txHash}#${r.event.data.logIndex}`, r]),
      );
      expect(tap.records).toHaveLength(7);
      expect(new Set(tap.records.map((r) => r.event.id)).size).toBe(7);
      const check = (
        tx: string,
        logIndex: number | null,
        amount: string,
        symbol: string,
        decimals: number,
      ) => {
        const r = got.get(`${tx}#${logIndex}`);
        expect(r?.event.type).toBe('transfer.observed');
        expect(r?.event.data).toMatchObject({
          chain: 'local',
          amount,
          asset: { symbol, decimals },
        });
        expect(r?.key).toBe(`local:${tx}`);
      };
      check(t1.transactionHash, 0, '1.5', 'FSUSD', 6);
      check(t2.transactionHash, 0, '2', 'FSUSD', 6);
      for (const i of [0, 1, 2]) check(t3.transactionHash, i, '0.25', 'FSUSD', 6);
      check(t4.transactionHash, 0, '42', 'UNKNOWN', 0);
      check(eth.transactionHash, null, '1.25', 'ETH', 18);
      expect(got.get(`${eth.transactionHash}#null`)?.event.data.asset.contract).toBeNull();
      expect(got.get(`${t1.transactionHash}#0`)?.event.data.from.toLowerCase()).toBe(
        alice.toLowerCase(),
      );
      expect(await watcher.metrics.toPrometheus()).toMatch(
        /flowsentry_chain_transfers_total\{chain="local"\} 7/,
      );
    } finally {
      await watcher.stop();
      await tap.stop();
      await clearState(env);
    }
  });

  it('stops mid-stream and resumes at its cursor: nothing missing, nothing doubled', async () => {
    const topic = unique('chain-transfers');
    const tap = await tapTopic(topic);
    let { env, watcher } = await start(anvil, topic, (await anvil.blockNumber()) + 1);
    const sent: string[] = [];
    const stream = (async () => {
      for (let i = 0; i < 30; i++) {
        sent.push(
          (await emitTransfers(anvil, token, alice, bob, BigInt(i + 1), 2)).transactionHash,
        );
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    try {
      await eventually(() => tap.records.length >= 16, 'the first transfers');
      await watcher.stop();
      await new Promise((r) => setTimeout(r, 300)); // blocks keep coming while it is down
      watcher = await runChainWatcher(loadConfig(env), logger);
      await stream;
      await eventually(() => tap.records.length >= 60, '60 transfers');
      await quietFor(tap.records);
      expect(identities(tap.records)).toEqual(sent.flatMap((h) => [`${h}#0`, `${h}#1`]).sort());
    } finally {
      await stream.catch(() => {});
      await watcher.stop();
      await tap.stop();
      await clearState(env);
    }
  });

  it('backfills an old range on demand while the live head goes on', async () => {
    const before: string[] = [];
    for (let i = 0; i < 5; i++)
      before.push((await emitTransfers(anvil, token, carol, alice, 7n)).transactionHash);
    const oldTo = await anvil.blockNumber();
    const oldFrom = oldTo - 4;
    const topic = unique('chain-transfers');
    const tap = await tapTopic(topic);
    const { env, watcher } = await start(anvil, topic, oldTo + 1);
    try {
      const live = (await emitTransfers(anvil, token, alice, carol, 9n)).transactionHash;
      await eventually(
        () => tap.records.some((r) => r.event.data.txHash === live),
        'the live transfer',
      );
      const backfill = watcher.backfill('local', { from: oldFrom, to: oldTo });
      const during = (await emitTransfers(anvil, token, alice, carol, 11n)).transactionHash;
      expect(await backfill).toMatchObject({ from: oldFrom, to: oldTo, blocks: 5, transfers: 5 });
      await eventually(() => tap.records.length >= 7, 'old, live and concurrent transfers');
      await quietFor(tap.records);
      expect(identities(tap.records)).toEqual(
        [...before, live, during].map((h) => `${h}#0`).sort(),
      );
    } finally {
      await watcher.stop();
      await tap.stop();
      await clearState(env);
    }
  });

  it('wakes on a WebSocket head announcement instead of waiting for the next poll', async () => {
    const topic = unique('chain-transfers');
    const tap = await tapTopic(topic);
    const rpc = `${anvil.url},${anvil.wsUrl}`;
    const extra = { FLOWSENTRY_RPC_LOCAL: rpc, FLOWSENTRY_CHAIN_POLL_MS: '120000' };
    const { env, watcher } = await start(anvil, topic, (await anvil.blockNumber()) + 1, extra);
    try {
      await new Promise((r) => setTimeout(r, 1_000)); // first poll done, socket subscribed
      const sent = await emitTransfers(anvil, token, alice, bob, 3n);
      const t0 = Date.now();
      await eventually(() => tap.records.length >= 1, 'the woken transfer', 10_000);
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(tap.records[0]!.event.data.txHash).toBe(sent.transactionHash);
    } finally {
      await watcher.stop();
      await tap.stop();
      await clearState(env);
    }
  });

  it('follows two chains in one process, each under its own name', async () => {
    const other = await startAnvil(['--chain-id', '1337']);
    const topic = unique('chain-transfers');
    const tap = await tapTopic(topic);
    const otherToken = await deployToken(other, { decimals: 2, symbol: 'DEV' });
    const extra = {
      FLOWSENTRY_RPC_DEVNET: other.url,
      FLOWSENTRY_CHAIN_START_DEVNET: String((await other.blockNumber()) + 1),
    };
    const { env, watcher } = await start(anvil, topic, (await anvil.blockNumber()) + 1, extra);
    try {
      const a = await emitTransfers(anvil, token, alice, bob, 1_000_000n);
      const b = await emitTransfers(
        other,
        otherToken,
        other.accounts[0]!,
        other.accounts[1]!,
        1234n,
      );
      await eventually(() => tap.records.length >= 2, 'one transfer per chain');
      await quietFor(tap.records);
      const byChain = Object.fromEntries(
        tap.records.map((r) => [r.event.data.chain, r.event.data]),
      );
      expect(byChain.local).toMatchObject({ txHash: a.transactionHash, amount: '1' });
      expect(byChain.devnet).toMatchObject({
        txHash: b.transactionHash,
        amount: '12.34',
        asset: { symbol: 'DEV' },
      });
    } finally {
      await watcher.stop();
      await tap.stop();
      await other.stop();
      await clearState(env);
    }
  });

  it('refuses to start on a URL that serves another chain than configured', async () => {
    const env = watcherEnv(anvil.url, unique('chain-transfers'), 0);
    const { FLOWSENTRY_RPC_LOCAL: url, ...rest } = env;
    const wrong = { ...rest, FLOWSENTRY_RPC_ETHEREUM: url! };
    await expect(runChainWatcher(loadConfig(wrong), logger)).rejects.toThrow(
      /FLOWSENTRY_RPC_ETHEREUM: .* serves chain id 31337, but ethereum is chain id 1/,
    );
  });
});
