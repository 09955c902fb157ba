// A chain watcher in its own process, so a test can kill it with SIGKILL mid-stream.
import { runChainWatcher } from '../../services/chain-watcher/main.ts';
import { loadConfig } from '../../shared/config/env.ts';
import { createLogger } from '../../shared/log/logger.ts';

const config = loadConfig();
const watcher = await runChainWatcher(config, createLogger('chain-watcher', config.logLevel));
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void watcher.stop().then(() => process.exit(0));
});
