import type { Command } from 'commander';
import { loadConfig } from '../../../shared/config/env.ts';
import { runDemo } from '../demo/run-demo.ts';
import { quietOnClosedPipe } from '../embedded/index.ts';
import { UsageError } from '../usage-error.ts';

/** Options of `flowsentry demo` as commander hands them over. */
interface DemoFlags {
  readonly out: string;
  readonly streaming?: boolean;
  readonly embedded?: boolean;
  readonly seed?: string;
  readonly workers?: string;
  readonly saveInputs?: string;
  readonly queue?: string;
}

function integer(
  flag: string,
  raw: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(
      `demo: ${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`,
    );
  return n;
}

async function demo(flags: DemoFlags): Promise<void> {
  if (flags.streaming && flags.embedded)
    throw new UsageError('demo: give --streaming or --embedded, not both');
  const config = loadConfig();
  quietOnClosedPipe(process.stdout, 'ignore');
  process.exitCode = await runDemo(
    {
      out: flags.out,
      streaming: flags.streaming === true,
      seed: integer('--seed', flags.seed, 0, 2 ** 32 - 1),
      workers: integer('--workers', flags.workers, 60, 20_000),
      saveInputs: flags.saveInputs,
      brokers: config.kafkaBrokers,
      redisUrl: config.redisUrl,
      queue: flags.queue ?? config.alertQueue,
      apiPort: config.apiPort,
    },
    { stdout: process.stdout, stderr: process.stderr },
  );
}

/**
 * Registers `flowsentry demo`. Embedded is the default even when Kafka and Redis answer:
 * the first run should be the same everywhere and touch nothing; --streaming opts in.
 */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('run the end-to-end story on embedded defaults and print what was found and why')
    .option('--out <file>', 'where to write the HTML report', 'flowsentry-demo-report.html')
    .option(
      '--streaming',
      'run the story through Kafka, the screener and BullMQ (both must answer)',
    )
    .option('--embedded', 'run in one process with in-memory state (the default)')
    .option('--seed <n>', 'scenario seed: the same seed gives the same story')
    .option('--workers <n>', 'contractors on the platform (60 to 20000, default 300)')
    .option(
      '--save-inputs <dir>',
      'also write the events and lists as files `flowsentry scan` reads',
    )
    .option(
      '--queue <name>',
      'BullMQ queue for --streaming (default FLOWSENTRY_ALERT_QUEUE or alerts)',
    )
    .action(demo);
}
