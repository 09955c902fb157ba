import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { ChangelogPages } from '../services/screener/changelog-pages.ts';
import { screenerState } from '../services/screener/screener.ts';
import { type ChangelogEngineState, Engine } from '../shared/engine/index.ts';
import { TagIndex } from '../shared/lists/tag-index.ts';
import { normalizeEvent } from '../shared/normalize/index.ts';
import { KafkaEventLog, type OutgoingRecord } from '../shared/ports/event-log/index.ts';
import { benchList, benchWallet, payoutEvent } from './workload.ts';

const WALLETS = Number(process.env.BENCH_WALLETS ?? 1_000_000);
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
/** Holds what is measured, so the collector cannot free it before the measurement. */
const keep: unknown[] = [];

function settledMb(): { rss: number; heap: number; total: number } {
  // Full collections until the heap stops shrinking: V8 releases freed pages over a few.
  for (let i = 0; i < 4; i++) (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return {
    rss: m.rss / 2 ** 20,
    heap: (m.heapUsed + m.external) / 2 ** 20,
    total: m.heapTotal / 2 ** 20,
  };
}

/** In the child: the engine tracking WALLETS distinct payout wallets (one payout each). */
function engineWallets(): Record<string, number> {
  const before = settledMb();
  const state = screenerState();
  // Pages are written as the screener writes them (their index is part of what it holds).
  walletState(state, { writer: new ChangelogPages(undefined, state) });
  const after = settledMb();
  return { rss: after.rss, heapDelta: after.heap - before.heap, heapTotal: after.total };
}

/**
 * The state of WALLETS tracked wallets (one payout each), as the screener's engine holds it:
 * the changes of each batch are taken, as the screener takes them for the changelog each
 * round (packed into changelog pages when `pages` is given, as the screener writes them).
 */
function walletState(
  state: ChangelogEngineState,
  pages?: { writer: ChangelogPages; records?: OutgoingRecord[] },
): void {
  const engine = new Engine({ state });
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
    const changes = state.takeChanges();
    if (!pages) continue;
    const records = pages.writer.write(changes, (key) => state.packedValue(key));
    pages.records?.push(...records);
  }
}

/**
 * In a child: writes the changelog of WALLETS tracked wallets to a fresh compacted topic,
 * in pages as the screener writes it. The restore is timed in another child, so that what
 * writing left in this process's allocator is not counted against the restore.
 */
async function writeChangelog(): Promise<Record<string, number | string>> {
  const topic = `bench-changelog-${Date.now().toString(36)}`;
  const log = new KafkaEventLog({ brokers: BROKERS });
  await log.ensureTopics([topic], { partitions: 1, compacted: true, maxMessageBytes: 64 << 20 });
  const state = screenerState();
  const written = { writer: new ChangelogPages(undefined, state), records: [] as OutgoingRecord[] };
  walletState(state, written);
  state.close();
  const writer = log.transactionalPublisher(`${topic}-writer`);
  for (let i = 0; i < written.records.length; i += 64)
    await writer.publish(topic, written.records.slice(i, i + 64));
  await writer.close();
  await log.close();
  return { topic, records: written.records.length, keys: written.writer.size.live };
}

/** In a child: times what a screener taking the engine over does: read the changelog to the end into state. */
async function restoreWallets(topic: string): Promise<Record<string, number>> {
  const log = new KafkaEventLog({ brokers: BROKERS });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const state = screenerState();
  const pages = new ChangelogPages(undefined, state);
  const apply = (key: string, packed: string | undefined) => state.restoreValue(key, packed);
  await log.readToEnd(topic, (r) => {
    pages.restore(r.key!.toString(), r.value ?? undefined, apply);
  });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  keep.push(state, pages);
  const after = settledMb();
  const admin = new Kafka({ brokers: BROKERS, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
  await log.close();
  return { seconds, cpuSeconds, keys: state.size, rss: after.rss };
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

function measure(kind: string, ...args: string[]): Record<string, number | string> {
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=4096',
      'bin/run-ts.mjs',
      fileURLToPath(import.meta.url),
      kind,
      ...args,
    ],
    { encoding: 'utf8', env: process.env },
  );
  if (child.status !== 0) throw new Error(`memory bench ${kind} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!);
}

/** Memory for 1 million tracked wallets, each measured in a fresh process. */
export async function benchMemory(): Promise<Record<string, number | string>> {
  const engine = measure('engine') as Record<string, number>;
  const tags = measure('tags') as Record<string, number>;
  const changelog = measure('changelog');
  const restore = { ...changelog, ...measure('restore', String(changelog.topic)) } as Record<
    string,
    number
  >;
  return {
    'tracked wallets': WALLETS,
    'engine state: process RSS (MB)': Math.round(engine.rss!),
    'engine state: heap for the wallets (MB)': Math.round(engine.heapDelta!),
    // What V8 keeps committed after full collections: RSS follows it, not the live heap.
    'engine state: V8 heap committed (MB)': Math.round(engine.heapTotal!),
    'restore from the changelog: state keys': restore.keys!,
    'restore from the changelog: records (pages)': restore.records!,
    'restore from the changelog: seconds': Number(restore.seconds!.toFixed(1)),
    // Load on the machine stretches wall time; CPU time is what the restore itself costs.
    'restore from the changelog: CPU seconds': Number(restore.cpuSeconds!.toFixed(1)),
    'restore from the changelog: process RSS after (MB)': Math.round(restore.rss!),
    'tag index: process RSS (MB)': Math.round(tags.rss!),
    'tag index: heap for the index (MB)': Math.round(tags.heapDelta!),
  };
}

// Only as the entry script: `bench/run.ts` imports this file, and its own arguments are suite names.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const kind = process.argv[2];
  if (kind === 'engine') console.log(JSON.stringify(engineWallets()));
  else if (kind === 'tags') console.log(JSON.stringify(tagWallets()));
  else if (kind === 'changelog') console.log(JSON.stringify(await writeChangelog()));
  else if (kind === 'restore') console.log(JSON.stringify(await restoreWallets(process.argv[3]!)));
  else console.table(await benchMemory());
}
