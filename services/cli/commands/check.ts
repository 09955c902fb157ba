import type { Command } from 'commander';

/** Registers `flowsentry check` (being built: see issue 3). */
export function registerCheck(program: Command): void {
  program.command('check').description('not yet available');
}
