import type { FlowsentryConfig } from '../shared/config/env.ts';
import { listsConfig, openListRepository, RepositoryTagProvider } from '../shared/lists/index.ts';
import type { Logger } from '../shared/log/logger.ts';
import { runApi } from './api/main.ts';
import { runChainWatcher } from './chain-watcher/main.ts';
import { LiveTags } from './live-tags.ts';
import { type RunningService, runScreener } from './screener/main.ts';

/** The long-running services, in start order. */
export const SERVICE_NAMES = ['screener', 'chain-watcher', 'api'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** In streaming mode the lists live in Redis, where `flowsentry lists import --redis` puts them. */
async function tagProvider(): Promise<{ provider: RepositoryTagProvider; close(): Promise<void> }> {
  const repo = await openListRepository(listsConfig(), true);
  return { provider: new RepositoryTagProvider(repo), close: () => repo.close() };
}

/** Runs `stop` of the service, then closes what the registry opened for it. */
function withCleanup(service: RunningService, cleanup: () => Promise<void> | void): RunningService {
  return {
    stop: async () => {
      await service.stop();
      await cleanup();
    },
  };
}

/** Readiness of the screener running in this process, for the API's /health (`flowsentry up`). */
const inProcess: Record<string, () => Promise<unknown>> = {};

async function startScreener(config: FlowsentryConfig, logger: Logger): Promise<RunningService> {
  const tags = await tagProvider();
  const running = await runScreener(config, logger, tags.provider);
  inProcess.screener = async () => {
    if (!running.screener.ready) throw new Error('screener not ready');
  };
  return withCleanup(running, async () => {
    delete inProcess.screener;
    await tags.close();
  });
}

async function startApi(config: FlowsentryConfig, logger: Logger): Promise<RunningService> {
  const source = await tagProvider();
  const tags = new LiveTags(source.provider, logger);
  await tags.start();
  const api = await runApi(config, logger, { tags: tags.current, health: inProcess });
  return withCleanup(api, async () => {
    tags.stop();
    await source.close();
  });
}

/** Starts one service by name with the validated configuration. */
export async function startService(
  name: ServiceName,
  config: FlowsentryConfig,
  logger: Logger,
): Promise<RunningService> {
  switch (name) {
    case 'screener':
      return startScreener(config, logger);
    case 'chain-watcher':
      return runChainWatcher(config, logger);
    case 'api':
      return startApi(config, logger);
  }
}

/** The services `flowsentry up` runs: the chain watcher only when an RPC URL is configured. */
export function servicesForUp(config: FlowsentryConfig): ServiceName[] {
  return SERVICE_NAMES.filter(
    (name) => name !== 'chain-watcher' || Object.keys(config.rpc).length > 0,
  );
}
