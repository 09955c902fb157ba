import type { Command } from 'commander';
import { type FlowsentryConfig, loadConfig } from '../../../shared/config/env.ts';
import { createLogger } from '../../../shared/log/logger.ts';
import { SERVICE_NAMES, type ServiceName, servicesForUp, startService } from '../../registry.ts';
import { UsageError } from '../usage-error.ts';

/** Runs services until SIGINT or SIGTERM, then stops them in reverse order. */
async function runUntilSignal(
  pick: (config: FlowsentryConfig) => readonly ServiceName[],
): Promise<void> {
  const config = loadConfig();
  const names = pick(config);
  const logger = createLogger('flowsentry', config.logLevel);
  const running = [];
  for (const name of names)
    running.push(await startService(name, config, logger.child({ service: name })));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  logger.info('stopping');
  // A service that cannot stop in time must not keep the process (and its port) forever.
  const deadline = setTimeout(() => {
    logger.error('services did not stop within 20 s; exiting');
    process.exit(1);
  }, 20_000);
  deadline.unref();
  for (const [i, service] of running.entries()) {
    await service.stop();
    logger.info({ service: names[i] }, 'stopped');
  }
  clearTimeout(deadline);
  // Everything is stopped and committed; a client's idle keep-alive socket must not keep
  // the process around, so leave now.
  process.exit(0);
}

/** Registers `flowsentry up` and `flowsentry service NAME`. */
export function registerServices(program: Command): void {
  program
    .command('up')
    .description(
      'run every service in one process (screener, api, and chain-watcher when an RPC URL is set)',
    )
    .action(() => runUntilSignal(servicesForUp));
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
      return runUntilSignal(() => [name as ServiceName]);
    });
}
