// Chain watcher benchmark: backfill transfers per second against anvil, next to the raw
// eth_getLogs rate over the same blocks in the same run. Alone: node bin/run-ts.mjs bench/chain.ts
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BackfillResult, runBackfill } from '../services/chain-watcher/backfill.ts';
import {
  BlockScanner,
  CursorStore,
  EthersChainSource,
  TokenRegistry,
  TRANSFER_TOPIC,
} from '../services/chain-watcher/index.ts';
import { createLogger } from '../shared/log/logger.ts';
import { type EventPublisher, KafkaEventLog } from '../shared/ports/event-log/index.ts';
import { MemoryStateStore } from '../shared/ports/state-store/index.ts';
import { deployToken, emitTransfers } from '../test/chain/evm-token.ts';
import { type Anvil, startAnvil } from '../test/helpers/anvil.ts';

const TXS = 25;
const EVENTS_PER_TX = 2_000;
const RANGE = { initial: 2_000, max: 2_000 };
const logger = createLogger('bench-chain', 'warn');

/** eth_getLogs over the range with bare fetch, parsed as JSON and nothing else: the floor any watcher pays. */
async function rawGetLogs(
  url: string,
  from: number,
  to: number,
): Promise<{ logs: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'eth_getLogs',
      params: [
        {
          fromBlock: `0x${from.toString(16)}`,
          toBlock: `0x${to.toString(16)}`,
          topics: [TRANSFER_TOPIC],
        },
      ],
    }),
  });
  const body = (await res.json()) as { result: unknown[] };
  return { logs: body.result.length, ms: performance.now() - started };
}

/** The faster of two runs: the first of a kind also pays for warm-up (JIT, anvil's caches). */
async function bestOf<T extends { ms: number }>(run: () => Promise<T>): Promise<T> {
  const a = await run();
  const b = await run();
  return a.ms <= b.ms ? a : b;
}

/** The watcher's backfill over the range into `publisher`: read, decode, envelope, publish. */
async function backfill(
  anvil: Anvil,
  publisher: EventPublisher,
  topic: string,
  from: number,
  to: number,
) {
  const source = new EthersChainSource({ chain: 'local', urls: [anvil.url] });
  const store = new MemoryStateStore();
  const cursors = new CursorStore(store, 'local');
  const scanner = new BlockScanner({
    source,
    tokens: new TokenRegistry(source, store, cursors.prefix),
    native: false,
  });
  const destination = { publisher, topic };
  const ctx = {
    chain: 'local',
    scanner,
    destination,
    cursors,
    retracted: new Map(),
    range: RANGE,
    logger,
  };
  const result = await runBackfill(ctx, { from, to });
  await source.close();
  return result;
}

const nullPublisher: EventPublisher = { publish: async () => {}, close: async () => {} };

async function kafkaPublisher(): Promise<{ log: KafkaEventLog; topic: string } | null> {
  const log = new KafkaEventLog({
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    clientId: 'bench-chain',
  });
  const topic = `bench-chain-${Date.now().toString(36)}`;
  const ready = log.ensureTopics([topic], 3).then(() => true);
  const timeout = new Promise<boolean>((r) => setTimeout(() => r(false), 15_000));
  if (await Promise.race([ready.catch(() => false), timeout])) return { log, topic };
  await log.close();
  return null;
}

const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);

/** Mines TXS transactions of EVENTS_PER_TX Transfer logs each; returns the block range. */
async function generate(anvil: Anvil): Promise<{ from: number; to: number }> {
  const [alice, bob] = anvil.accounts as [string, string];
  const token = await deployToken(anvil, { decimals: 6, symbol: 'BENCH' });
  const from = (await anvil.blockNumber()) + 1;
  for (let i = 0; i < TXS; i++)
    await emitTransfers(anvil, token, alice, bob, BigInt(1_000_000 + i), EVENTS_PER_TX);
  return { from, to: await anvil.blockNumber() };
}

async function backfillToKafka(
  anvil: Anvil,
  from: number,
  to: number,
): Promise<BackfillResult | null> {
  const kafka = await kafkaPublisher();
  if (!kafka) return null;
  try {
    return await backfill(anvil, kafka.log.publisher(), kafka.topic, from, to);
  } finally {
    await kafka.log.close();
  }
}

/** Generates Transfer logs on anvil, then measures raw eth_getLogs and the watcher's backfill. */
export async function benchChain(): Promise<Record<string, number | string>> {
  const anvil = await startAnvil(['--gas-limit', '100000000']);
  try {
    const { from, to } = await generate(anvil);
    const raw = await bestOf(() => rawGetLogs(anvil.url, from, to));
    const noSink = await bestOf(() => backfill(anvil, nullPublisher, 'none', from, to));
    const toKafka = await backfillToKafka(anvil, from, to);
    const rawRate = perSecond(raw.logs, raw.ms);
    const kafkaRate = toKafka ? perSecond(toKafka.transfers, toKafka.ms) : 0;
    return {
      'chain.logs': raw.logs,
      'chain.blocks': to - from + 1,
      'chain.raw_getlogs_per_s': rawRate,
      'chain.backfill_no_sink_per_s': perSecond(noSink.transfers, noSink.ms),
      'chain.backfill_kafka_per_s': toKafka ? kafkaRate : 'kafka unavailable',
      'chain.backfill_kafka_vs_raw_pct': toKafka ? Math.round((kafkaRate / rawRate) * 100) : 'n/a',
    };
  } finally {
    await anvil.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const figures = await benchChain();
  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(32)} ${value}`);
}
