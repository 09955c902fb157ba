import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Engine } from '../shared/engine/index.ts';
import { TagIndex } from '../shared/lists/tag-index.ts';
import { normalizeEvent } from '../shared/normalize/index.ts';
import { benchList, benchWallet, payoutEvent } from './workload.ts';

const WALLETS = Number(process.env.BENCH_WALLETS ?? 1_000_000);
/** Holds what is measured, so the collector cannot free it before the measurement. */
const keep: unknown[] = [];

function settledMb(): { rss: number; heap: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss / 2 ** 20, heap: (m.heapUsed + m.external) / 2 ** 20 };
}

/** In the child: the engine tracking WALLETS distinct payout wallets (one payout each). */
function engineWallets(): Record<string, number> {
  const before = settledMb();
  const engine = new Engine();
  keep.push(engine);
  for (let i = 0; i < WALLETS; i += 10_000) {
    const batch = [];
    for (let j = i; j < Math.min(WALLETS, i + 10_000); j++) {
      const e = payoutEvent(j, 0, 1);
      batch.push(
        normalizeEvent({
          ...e,
          data: { ...e.data, workerId: `w-${j}`, toAddress: benchWallet(j, 3) },
        }),
      );
    }
    engine.process(batch);
  }
  const after = settledMb();
  return { rss: after.rss, heapDelta: after.heap - before.heap };
}

/** In the child: a tag set of WALLETS listed wallets. */
function tagWallets(): Record<string, number> {
  const list = benchList(WALLETS);
  keep.push(list);
  const before = settledMb();
  const index = new TagIndex([list]);
  keep.push(index);
  const after = settledMb();
  return { rss: after.rss, heapDelta: after.heap - before.heap, size: index.size };
}

function measure(kind: string): Record<string, number> {
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=4096',
      'bin/run-ts.mjs',
      fileURLToPath(import.meta.url),
      kind,
    ],
    { encoding: 'utf8', env: process.env },
  );
  if (child.status !== 0) throw new Error(`memory bench ${kind} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!);
}

/** Memory for 1 million tracked wallets, each measured in a fresh process. */
export async function benchMemory(): Promise<Record<string, number | string>> {
  const engine = measure('engine');
  const tags = measure('tags');
  return {
    'tracked wallets': WALLETS,
    'engine state: process RSS (MB)': Math.round(engine.rss!),
    'engine state: heap for the wallets (MB)': Math.round(engine.heapDelta!),
    'tag index: process RSS (MB)': Math.round(tags.rss!),
    'tag index: heap for the index (MB)': Math.round(tags.heapDelta!),
  };
}

const kind = process.argv[2];
if (kind === 'engine') console.log(JSON.stringify(engineWallets()));
else if (kind === 'tags') console.log(JSON.stringify(tagWallets()));
else if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchMemory());
