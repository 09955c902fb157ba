import type { Command } from 'commander';

/** Registers `flowsentry scan` (lists and formats arrive with issues 3 and 7). */
export function registerScan(program: Command): void {
  program.command('scan').description('screen JSONL event files in one process');
}
