import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transferIdentity } from '../../services/chain-watcher/index.ts';
import { runChainWatcher } from '../../services/chain-watcher/main.ts';
import { loadConfig } from '../../shared/config/env.ts';
import { createLogger } from '../../shared/log/logger.ts';
import { type Anvil, startAnvil } from '../helpers/anvil.ts';
import { unique } from '../helpers/fixtures.ts';
import { deployToken, emitTransfers, transferCalldata } from './evm-token.ts';
import {
  clearState,
  eventually,
  quietFor,
  type Tapped,
  tapTopic,
  watcherEnv,
} from './kafka-tap.ts';

const logger = createLogger('chain-reorg-test', 'error');
const ofType = (records: readonly Tapped[], type: string) =>
  records.filter((r) => r.event.type === type);

describe('chain watcher through anvil_reorg', () => {
  let anvil: Anvil;
  let token: string;
  let alice: string;
  let bob: string;
  let carol: string;

  beforeAll(async () => {
    anvil = await startAnvil();
    [alice, bob, carol] = anvil.accounts as [string, string, string];
    token = await deployToken(anvil, { decimals: 6, symbol: 'FSUSD' });
  });
  afterAll(() => anvil?.stop());

  it('retracts the orphaned transfers with their identity and publishes the replacements', async () => {
    const topic = unique('chain-transfers');
    const tap = await tapTopic(topic);
    const env = watcherEnv(anvil.url, topic, (await anvil.blockNumber()) + 1);
    let watcher = await runChainWatcher(loadConfig(env), logger);
    try {
      const a = await emitTransfers(anvil, token, alice, bob, 1_000_000n);
      const b = await emitTransfers(anvil, token, alice, bob, 2_000_000n, 2);
      const n = await anvil.send({ from: alice, to: carol, value: '0xde0b6b3a7640000' });
      await eventually(() => tap.records.length >= 4, 'the 4 original transfers');
      const originals = [...tap.records];

      // Replace the last 3 blocks: new transfers at offsets 0 and 2, nothing at offset 1.
      const replaceToken = {
        from: bob,
        to: token,
        data: transferCalldata(carol, 5_000_000n),
        gas: '0x20000',
      };
      const replaceNative = { from: bob, to: alice, value: '0x6f05b59d3b20000' };
      await anvil.rpc('anvil_reorg', [
        3,
        [
          [replaceToken, 0],
          [replaceNative, 2],
        ],
      ]);
      await eventually(
        () => ofType(tap.records, 'transfer.retracted').length >= 4,
        '4 retractions',
      );
      await eventually(
        () => ofType(tap.records, 'transfer.observed').length >= 6,
        '2 replacements',
      );
      await quietFor(tap.records);

      const retracted = ofType(tap.records, 'transfer.retracted');
      expect(retracted.map((r) => transferIdentity(r.event.data)).sort()).toEqual(
        originals.map((r) => transferIdentity(r.event.data)).sort(),
      );
      for (const r of retracted) {
        const original = originals.find(
          (o) => transferIdentity(o.event.data) === transferIdentity(r.event.data),
        )!;
        expect(r.event.data).toEqual(original.event.data); // same identity, same orphaned block hash
        expect(r.event.id).not.toBe(original.event.id);
        expect(r.key).toBe(original.key);
      }
      const replacements = ofType(tap.records, 'transfer.observed').slice(4);
      expect(
        replacements.map((r) => [r.event.data.amount, r.event.data.asset.symbol]).sort(),
      ).toEqual([
        ['0.5', 'ETH'],
        ['5', 'FSUSD'],
      ]);
      const orphanedHashes = new Set(originals.map((r) => r.event.data.blockHash));
      expect(replacements.every((r) => !orphanedHashes.has(r.event.data.blockHash))).toBe(true);
      expect(
        [a, b, n].every((t) => retracted.some((r) => r.event.data.txHash === t.transactionHash)),
      ).toBe(true);

      // A reorg while the watcher is down is found at restart, from the stored hashes.
      await watcher.stop();
      const before = tap.records.length;
      await anvil.rpc('anvil_reorg', [1, []]);
      watcher = await runChainWatcher(loadConfig(env), logger);
      await eventually(() => tap.records.length >= before + 1, 'the retraction found at restart');
      await quietFor(tap.records);
      const late = tap.records.slice(before);
      expect(late.map((r) => [r.event.type, r.event.data.amount])).toEqual([
        ['transfer.retracted', '0.5'],
      ]);
      expect(new Set(tap.records.map((r) => r.event.id)).size).toBe(tap.records.length);
    } finally {
      await watcher.stop();
      await tap.stop();
      await clearState(env);
    }
  });
});
