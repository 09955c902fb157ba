import { register } from 'prom-client';
import type { ChainSettings, FlowsentryConfig, WatcherSettings } from '../../shared/config/env.ts';
import type { Logger } from '../../shared/log/logger.ts';
import {
  type EventLog,
  type EventPublisher,
  KafkaEventLog,
} from '../../shared/ports/event-log/index.ts';
import { RedisStateStore, type StateStore } from '../../shared/ports/state-store/index.ts';
import {
  type BackfillRequest,
  type BackfillResult,
  ChainMetrics,
  ChainWatcher,
  EthersChainSource,
  type WatcherOptions,
} from './index.ts';

/** The running chain watcher, as `flowsentry service chain-watcher` holds it. */
export interface RunningChainWatcher {
  stop(): Promise<void>;
  /** Re-reads a block range of one chain (a lookback) while the live head goes on. */
  backfill(chain: string, request: BackfillRequest): Promise<BackfillResult>;
  /** Counters for /metrics, in prom-client's default registry. */
  readonly metrics: ChainMetrics;
}

function sourceFor(
  settings: WatcherSettings,
  chain: ChainSettings,
  metrics: ChainMetrics,
  logger: Logger,
) {
  return new EthersChainSource({
    chain: chain.chain,
    urls: chain.httpUrls,
    wsUrls: chain.wsUrls,
    ...(chain.expectedChainId === undefined ? {} : { expectedChainId: chain.expectedChainId }),
    requestsPerSecond: settings.requestsPerSecond,
    batchSize: settings.batchSize,
    onError: (error) => metrics.rpcError(chain.chain, error.code),
    logger,
  });
}

/** Checks every URL's chain id before following anything; a mismatch stops the start. */
async function checkSources(sources: readonly EthersChainSource[], logger: Logger): Promise<void> {
  if (sources.length === 0)
    logger.warn('no FLOWSENTRY_RPC_<CHAIN> set: the chain watcher follows nothing');
  for (const source of sources) {
    for (const check of await source.checkUrls()) {
      if (!check.ok)
        logger.warn(
          { chain: source.chain, url: check.url, error: check.error },
          'RPC URL unreachable at start',
        );
    }
  }
}

/** The core's options from the settings: one plan per chain, shared limits. */
function watcherOptions(
  config: FlowsentryConfig,
  settings: WatcherSettings,
  parts: { sources: readonly EthersChainSource[]; publisher: EventPublisher; store: StateStore },
  metrics: ChainMetrics,
  logger: Logger,
): WatcherOptions {
  return {
    chains: settings.chains.map((c, i) => ({
      source: parts.sources[i]!,
      native: settings.native,
      confirmations: c.confirmations,
      startBlock: c.startBlock,
      ...(c.contracts ? { contracts: c.contracts } : {}),
    })),
    publisher: parts.publisher,
    store: parts.store,
    topic: config.topics.transfers,
    pollMs: settings.pollMs,
    reorgWindow: settings.reorgWindow,
    range: { initial: Math.min(500, settings.maxRange), max: settings.maxRange },
    metrics,
    logger,
    namespace: settings.namespace,
  };
}

/** Starts the watcher over an event log and a state store (Kafka and Redis in production). */
export async function startChainWatcher(
  config: FlowsentryConfig,
  logger: Logger,
  ports: { log: EventLog; store: StateStore },
): Promise<RunningChainWatcher> {
  // Parsed with the rest of the configuration at start (shared/config/chain-watcher.ts).
  const settings = config.chainWatcher;
  // The process's one registry: the API's /metrics serves these series in `flowsentry up`.
  const metrics = new ChainMetrics(Date.now, register);
  const sources = settings.chains.map((c) => sourceFor(settings, c, metrics, logger));
  const closeSources = () => Promise.all(sources.map((s) => s.close()));
  try {
    await checkSources(sources, logger);
    await ports.log.ensureTopics([config.topics.transfers]);
  } catch (error) {
    await closeSources();
    throw error;
  }
  const publisher = ports.log.publisher();
  const parts = { sources, publisher, store: ports.store };
  const watcher = new ChainWatcher(watcherOptions(config, settings, parts, metrics, logger));
  await watcher.start();
  return {
    metrics,
    backfill: (chain, request) => watcher.backfill(chain, request),
    stop: async () => {
      await watcher.stop();
      await closeSources();
      await publisher.close();
    },
  };
}

/** The chain-watcher service: EVM chains -> `transfer.observed` on Kafka, cursors in Redis. */
export async function runChainWatcher(
  config: FlowsentryConfig,
  logger: Logger,
): Promise<RunningChainWatcher> {
  const log = new KafkaEventLog({
    brokers: config.kafkaBrokers,
    clientId: 'flowsentry-chain-watcher',
  });
  const store = new RedisStateStore(config.redisUrl);
  let running: RunningChainWatcher;
  try {
    running = await startChainWatcher(config, logger, { log, store });
  } catch (error) {
    await Promise.allSettled([log.close(), store.close()]);
    throw error;
  }
  return {
    ...running,
    stop: async () => {
      await running.stop();
      await log.close();
      await store.close();
    },
  };
}
