import type { FlowsentryConfig } from '../../shared/config/env.ts';
import { loadEngineConfig } from '../../shared/engine/config/index.ts';
import { Engine } from '../../shared/engine/index.ts';
import { CachedEngineState } from '../../shared/engine/state/index.ts';
import type { Logger } from '../../shared/log/logger.ts';
import { BullmqAlertSink } from '../../shared/ports/alert-sink/index.ts';
import { KafkaEventLog } from '../../shared/ports/event-log/index.ts';
import { RedisStateStore } from '../../shared/ports/state-store/index.ts';
import { Screener, type TagProvider } from './screener.ts';

/** A started service: what `flowsentry up` and `flowsentry service` hold on to. */
export interface RunningService {
  stop(): Promise<void>;
}

/** Starts the screener over Kafka and the BullMQ `alerts` queue. */
export async function runScreener(
  config: FlowsentryConfig,
  logger: Logger,
  tags?: TagProvider,
): Promise<RunningService & { screener: Screener }> {
  const log = new KafkaEventLog({ brokers: config.kafkaBrokers, clientId: 'flowsentry-screener' });
  const sink = new BullmqAlertSink({ redisUrl: config.redisUrl, queueName: config.alertQueue });
  // Engine state (graph, profiles, indexes) lives in Redis so every screener of the group
  // sees the same picture; an in-process cache keeps the hot path synchronous.
  const store = new RedisStateStore(config.redisUrl, `${config.redisPrefix}:engine:`);
  const engine = new Engine({
    config: loadEngineConfig(config.rulesFile),
    state: new CachedEngineState(store),
  });
  const screener = new Screener({
    log,
    sink,
    engine,
    groupId: config.groupId,
    topics: [config.topics.payroll, config.topics.transfers, config.topics.intel],
    dlqTopic: config.topics.dlq,
    logger,
    ...(tags ? { tags } : {}),
  });
  await screener.start();
  return {
    screener,
    stop: async () => {
      await screener.stop();
      await log.close();
      await sink.close();
      await store.close();
    },
  };
}
