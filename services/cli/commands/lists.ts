import type { Command } from 'commander';

/** Registers `flowsentry lists` (being built: see issue 3). */
export function registerLists(program: Command): void {
  program.command('lists').description('not yet available');
}
