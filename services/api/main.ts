import type { AddressInfo } from 'node:net';
import { register } from 'prom-client';
import type { ApiOptions, FlowsentryConfig } from '../../shared/config/env.ts';
import { TagIndex } from '../../shared/lists/tag-index.ts';
import type { Logger } from '../../shared/log/logger.ts';
import { BullmqAlertSink } from '../../shared/ports/alert-sink/index.ts';
import { RedisReviewStore } from '../../shared/ports/review-store/index.ts';
import { buildApp } from './app.ts';
import type { WorkerProfile } from './deps.ts';
import { WebhookDispatcher } from './webhook/index.ts';

export { buildApp } from './app.ts';
export type { AlertSource, ApiDeps, ApiToken, WorkerProfile } from './deps.ts';

/** What the caller may wire in; the rest comes from the configuration. */
export interface RunApiDeps {
  /** The active tag set for screening (default: empty, with a warning). */
  readonly tags?: () => TagIndex;
  readonly profiles?: (workerId: string) => Promise<WorkerProfile | null>;
  /** API-only settings (default: config.api, parsed with the rest at start). */
  readonly options?: ApiOptions;
  /** More checks for /health: services running in the same process (`flowsentry up`). */
  readonly health?: Readonly<Record<string, () => Promise<unknown>>>;
}

/** A running API service. */
export interface RunningApi {
  stop(): Promise<void>;
  readonly port: number;
}

function webhookFor(
  config: FlowsentryConfig,
  options: ApiOptions,
  review: RedisReviewStore,
  logger: Logger,
) {
  if (!options.webhook) return null;
  const log = review.deliveryLog();
  const { url, secret, attempts, backoffMs } = options.webhook;
  const dispatcher = new WebhookDispatcher({
    url,
    secret,
    attempts,
    backoffMs,
    log,
    logger,
    redisUrl: config.redisUrl,
    queueName: `${config.alertQueue}-webhooks`,
  });
  return { dispatcher, log };
}

/** Starts `flowsentry service api`: the HTTP API and console over the BullMQ alert queue. */
export async function runApi(
  config: FlowsentryConfig,
  logger: Logger,
  deps: RunApiDeps = {},
): Promise<RunningApi> {
  const options = deps.options ?? config.api;
  if (config.apiTokens.length === 0)
    logger.warn(
      'FLOWSENTRY_API_TOKENS is empty: every route but /health and the console files answers 401',
    );
  if (!deps.tags) logger.warn('no tag set wired in: screening sees no list');
  const empty = new TagIndex([]);
  const sink = new BullmqAlertSink({
    redisUrl: config.redisUrl,
    queueName: config.alertQueue,
    keyPrefix: config.redisPrefix,
  });
  const review = new RedisReviewStore({
    redisUrl: config.redisUrl,
    queueName: config.alertQueue,
    prefix: config.redisPrefix,
  });
  const webhook = webhookFor(config, options, review, logger);
  const app = await buildApp({
    alerts: sink,
    review,
    tags: deps.tags ?? (() => empty),
    tokens: config.apiTokens,
    logger,
    refreshMs: options.refreshMs,
    rateLimit: options.rateLimit,
    // The process's one registry: with `flowsentry up`, the chain watcher's series are here too.
    metricsRegistry: register,
    queueCounts: () => sink.counts(),
    health: { redis: () => review.ping(), ...deps.health },
    ...(deps.profiles ? { profiles: deps.profiles } : {}),
    ...(webhook ? { notifier: webhook.dispatcher, deliveryLog: webhook.log } : {}),
  });
  await app.listen({ port: config.apiPort, host: options.host });
  const port = (app.server.address() as AddressInfo).port;
  logger.info({ port, queue: config.alertQueue, webhook: Boolean(webhook) }, 'api listening');
  return {
    port,
    async stop() {
      await app.close();
      await webhook?.dispatcher.close();
      await review.close();
      await sink.close();
    },
  };
}
