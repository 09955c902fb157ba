import type { Command } from 'commander';
import { loadConfig } from '../../../shared/config/env.ts';
import { createLogger } from '../../../shared/log/logger.ts';
import { SERVICE_NAMES, type ServiceName, startService } from '../../registry.ts';
import { UsageError } from '../usage-error.ts';

/** Runs services until SIGINT or SIGTERM, then stops them in reverse order. */
async function runUntilSignal(names: readonly ServiceName[]): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('flowsentry', config.logLevel);
  const running = [];
  for (const name of names)
    running.push(await startService(name, config, logger.child({ service: name })));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  logger.info('stopping');
  for (const service of running.reverse()) await service.stop();
}

/** Registers `flowsentry up` and `flowsentry service NAME`. */
export function registerServices(program: Command): void {
  program
    .command('up')
    .description(
      'run every service in one process (screener, api, and chain-watcher when an RPC URL is set)',
    )
    .action(() => runUntilSignal(SERVICE_NAMES));
  program
    .command('service')
    .description(`run one service: ${SERVICE_NAMES.join(', ')}`)
    .argument('<name>', 'service name')
    .action((name: string) => {
      if (!(SERVICE_NAMES as readonly string[]).includes(name)) {
        throw new UsageError(
          `unknown service "${name}"; expected one of ${SERVICE_NAMES.join(', ')}`,
        );
      }
      return runUntilSignal([name as ServiceName]);
    });
}
