import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Anvil, startAnvil } from '../helpers/anvil.ts';
import { unique } from '../helpers/fixtures.ts';
import { deployToken, emitTransfers } from './evm-token.ts';
import { clearState, eventually, quietFor, tapTopic, watcherEnv } from './kafka-tap.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the watcher in its own process group and resolves once it says it is ready. */
async function spawnWatcher(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/run-ts.mjs', 'test/chain/watcher-process.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`watcher exited early with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
  });
  return child;
}

function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid!, signal);
  return exited;
}

describe('chain watcher killed with SIGKILL mid-stream', () => {
  let anvil: Anvil;
  let token: string;

  beforeAll(async () => {
    anvil = await startAnvil();
    token = await deployToken(anvil, { decimals: 18, symbol: 'PAY' });
  });
  afterAll(() => anvil?.stop());

  it('restarts at its cursor: every transfer arrives, and a replay carries the same id and bytes', async () => {
    const [alice, bob] = anvil.accounts as [string, string];
    const topic = unique('chain-transfers');
    const tap = await tapTopic(topic);
    const env = watcherEnv(anvil.url, topic, (await anvil.blockNumber()) + 1);
    let child = await spawnWatcher(env);
    const sent: string[] = [];
    const stream = (async () => {
      for (let i = 0; i < 60; i++) {
        sent.push(
          (await emitTransfers(anvil, token, alice, bob, 10n ** 18n * BigInt(i + 1), 3))
            .transactionHash,
        );
        await new Promise((r) => setTimeout(r, 15));
      }
    })();
    try {
      await eventually(() => tap.records.length >= 45, 'a third of the transfers');
      await kill(child, 'SIGKILL'); // no chance to finish its batch or close anything
      child = await spawnWatcher(env);
      await stream;
      const expected = sent.flatMap((h) => [0, 1, 2].map((i) => `${h}#${i}`)).sort();
      const distinct = () => new Set(tap.records.map((r) => r.event.id)).size;
      await eventually(
        () => distinct() >= expected.length,
        `${expected.length} distinct transfers`,
      );
      await quietFor(tap.records);
      const byId = new Map<string, string>();
      for (const r of tap.records) {
        // A replay of a batch whose cursor write was lost is the same event: same id, same bytes.
        if (byId.has(r.event.id)) expect(r.raw).toBe(byId.get(r.event.id));
        byId.set(r.event.id, r.raw);
      }
      const identities = [...byId.values()].map(
        (raw) => JSON.parse(raw) as { data: { txHash: string; logIndex: number } },
      );
      expect(identities.map((e) => `${e.data.txHash}#${e.data.logIndex}`).sort()).toEqual(expected);
      console.info(
        `SIGKILL restart: ${tap.records.length - byId.size} replayed records of ${tap.records.length}`,
      );
    } finally {
      await stream.catch(() => {});
      await kill(child, 'SIGTERM');
      await tap.stop();
      await clearState(env);
    }
  });
});
