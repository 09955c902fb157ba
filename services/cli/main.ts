import { existsSync, readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { FlowsentryError } from '../../shared/errors.ts';
import { forTerminal } from '../../shared/log/terminal.ts';
import { UsageError } from './usage-error.ts';

type Register = (program: Command) => void;

// Each command module pulls in what its command needs (list loaders, Kafka, Redis, ethers):
// loading all of them costs about a second, so only the named command's module is loaded.
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  demo: async () => (await import('./commands/demo.ts')).registerDemo,
  scan: async () => (await import('./commands/scan.ts')).registerScan,
  check: async () => (await import('./commands/check.ts')).registerCheck,
  lists: async () => (await import('./commands/lists.ts')).registerLists,
  up: async () => (await import('./commands/services.ts')).registerServices,
  service: async () => (await import('./commands/services.ts')).registerServices,
};

/** The top-level help text, written beside the compiled CLI by the build (bin/build.mjs). */
export const HELP_FILE = new URL('./help.txt', import.meta.url);

function bareProgram(): Command {
  return new Command('flowsentry')
    .description(
      'Follow payroll money on-chain and flag flows to sanctioned networks or extortion.',
    )
    .version('0.1.0')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
}

/** Builds the `flowsentry` command tree with every command (help, suggestions). */
export async function buildProgram(): Promise<Command> {
  const program = bareProgram();
  const registers = new Set(await Promise.all(Object.values(COMMANDS).map((load) => load())));
  for (const register of registers) register(program);
  return program;
}

/** The program for these arguments: only the named command when there is one. */
async function programFor(argv: readonly string[]): Promise<Command> {
  const name = argv.find((arg) => !arg.startsWith('-'));
  // `--version` needs no command at all.
  if (name === undefined && argv.length === 1 && ['-V', '--version'].includes(argv[0]!))
    return bareProgram();
  const load = name === undefined ? undefined : COMMANDS[name];
  if (!load) return buildProgram();
  const program = bareProgram();
  (await load())(program);
  return program;
}

function isTopLevelHelp(argv: readonly string[]): boolean {
  return argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h');
}

/** Runs the CLI and returns the exit code: 0 ok, 1 found something (check), 2 bad usage or input. */
export async function main(argv: string[]): Promise<number> {
  if (isTopLevelHelp(argv) && existsSync(HELP_FILE)) {
    process.stdout.write(readFileSync(HELP_FILE, 'utf8'));
    return 0;
  }
  try {
    const program = await programFor(argv);
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
  // Messages quote files and input (a zip member's name, a list's text): no terminal codes.
  if (error instanceof UsageError) {
    process.stderr.write(`flowsentry: ${forTerminal(error.message)}\n`);
    return 2;
  }
  if (error instanceof FlowsentryError) {
    process.stderr.write(`flowsentry: ${forTerminal(error.message)}\n`);
    return error.poison || error.code === 'INVALID_CONFIG' ? 2 : 1;
  }
  process.stderr.write(`flowsentry: ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}
