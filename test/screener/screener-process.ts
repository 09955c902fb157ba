// One screener in its own process, so a test can kill it with SIGKILL mid-stream. It is
// built exactly as the service builds it; the scenario's lists stand in for Redis's.
import { generateScenario } from '../../services/cli/scenario/generator.ts';
import { screenerFor, type Topics } from './streaming-harness.ts';

const topics = JSON.parse(process.env.TEST_TOPICS!) as Topics;
const scenario = generateScenario(JSON.parse(process.env.TEST_SCENARIO!));
const running = screenerFor(
  topics,
  process.env.TEST_GROUP!,
  process.env.TEST_QUEUE!,
  scenario.lists,
);
await running.screener.start();
process.stdout.write('ready\n');
setInterval(() => {
  const task = running.screener.engineTask;
  process.stdout.write(
    `${JSON.stringify({ events: running.screener.stats.events, owner: task?.active ?? false })}\n`,
  );
}, 200);
process.once('SIGTERM', () => {
  void running.close().then(() => process.exit(0));
});
