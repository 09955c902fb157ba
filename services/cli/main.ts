import { Command, CommanderError } from 'commander';
import { FlowsentryError } from '../../shared/errors.ts';
import { registerCheck } from './commands/check.ts';
import { registerDemo } from './commands/demo.ts';
import { registerLists } from './commands/lists.ts';
import { registerScan } from './commands/scan.ts';
import { registerServices } from './commands/services.ts';
import { UsageError } from './usage-error.ts';

/** Builds the `flowsentry` command tree; each command module registers itself. */
export function buildProgram(): Command {
  const program = new Command('flowsentry')
    .description(
      'Follow payroll money on-chain and flag flows to sanctioned networks or extortion.',
    )
    .version('0.1.0')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerDemo(program);
  registerScan(program);
  registerCheck(program);
  registerLists(program);
  registerServices(program);
  return program;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 found something (check), 2 bad usage or input. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander already printed its one line (or the help/version text).
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`flowsentry: ${error.message}\n`);
    return 2;
  }
  if (error instanceof FlowsentryError) {
    process.stderr.write(`flowsentry: ${error.message}\n`);
    return error.poison || error.code === 'INVALID_CONFIG' ? 2 : 1;
  }
  process.stderr.write(`flowsentry: ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}
