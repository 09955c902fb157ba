import type { Command } from 'commander';
import { demoSanctionsList } from '../../../shared/demo/demo-list.ts';
import { skeletonStory } from '../../../shared/demo/skeleton-story.ts';
import { screenEvents } from '../../../shared/embedded/index.ts';
import { normalizeEvent } from '../../../shared/normalize/index.ts';
import { explainAlert } from '../../../shared/report/explain.ts';

/** Runs the demo story in embedded mode and prints what was found and why. */
async function runDemo(): Promise<void> {
  const out = process.stdout;
  const list = demoSanctionsList();
  const events = skeletonStory().map(normalizeEvent);
  out.write(`Flowsentry demo (embedded mode: in-process engine, no Kafka or Redis needed)\n`);
  out.write(
    `  ${events.length} payroll events from demo-payroll, screened against ${list.version.id}\n\n`,
  );
  const alerts = await screenEvents(events, [list]);
  out.write(`${alerts.length} alert${alerts.length === 1 ? '' : 's'}:\n\n`);
  for (const alert of alerts) out.write(`${explainAlert(alert)}\n\n`);
}

/** Registers `flowsentry demo`. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('run the end-to-end story on embedded defaults and print what was found and why')
    .action(runDemo);
}
