import type { FlowsentryConfig } from '../shared/config/env.ts';
import type { Logger } from '../shared/log/logger.ts';
import { runApi } from './api/main.ts';
import { type RunningService, runScreener } from './screener/main.ts';

/** The long-running services, in start order. */
export const SERVICE_NAMES = ['screener', 'api'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Starts one service by name with the validated configuration. */
export async function startService(
  name: ServiceName,
  config: FlowsentryConfig,
  logger: Logger,
): Promise<RunningService> {
  switch (name) {
    case 'screener':
      return runScreener(config, logger);
    case 'api':
      return runApi(config, logger);
  }
}
