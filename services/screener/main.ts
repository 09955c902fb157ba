import type { FlowsentryConfig } from '../../shared/config/env.ts';
import { loadEngineConfig } from '../../shared/engine/config/index.ts';
import type { Logger } from '../../shared/log/logger.ts';
import { BullmqAlertSink } from '../../shared/ports/alert-sink/index.ts';
import { KafkaEventLog } from '../../shared/ports/event-log/index.ts';
import { registerScreenerMetrics, serveScreener } from './metrics.ts';
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
  const { sessionTimeoutMs, pollMs, port, stateDir, changelogCompression } = config.screener;
  const log = new KafkaEventLog({
    brokers: config.kafkaBrokers,
    clientId: 'flowsentry-screener',
    sessionTimeoutMs,
  });
  const sink = new BullmqAlertSink({
    redisUrl: config.redisUrl,
    queueName: config.alertQueue,
    keyPrefix: config.redisPrefix,
  });
  const { payroll, transfers, intel } = config.topics;
  // Engine state lives in the screener that owns the engine and in its changelog topic
  // in Kafka; Redis keeps lists, alerts and review state.
  const screener = new Screener({
    log,
    sink,
    engine: { config: loadEngineConfig(config.rulesFile) },
    groupId: config.groupId,
    topics: [payroll, transfers, intel],
    roles: { [payroll]: 'payroll', [transfers]: 'transfers', [intel]: 'intel' },
    dlqTopic: config.topics.dlq,
    logger,
    pollMs,
    ...(stateDir ? { stateDir } : {}),
    compressChangelog: changelogCompression === 'gzip',
    limits: config.eventLimits,
    ...(tags ? { tags, requireLists: true } : {}),
  });
  await screener.start();
  registerScreenerMetrics(screener);
  const server = port > 0 ? await serveScreener(screener, port) : undefined;
  return {
    screener,
    stop: async () => {
      await new Promise((r) => (server ? server.close(r) : r(undefined)));
      await screener.stop();
      await log.close();
      await sink.close();
    },
  };
}
