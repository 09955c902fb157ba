import { benchApi } from './api.ts';
import { benchChain } from './chain.ts';
import { benchEngine } from './engine.ts';
import { benchIdentity } from './identity.ts';
import { benchLatency } from './latency.ts';
import { benchLists } from './lists.ts';
import { benchMemory } from './memory.ts';
import { benchScan } from './scan.ts';
import { benchStartup } from './startup.ts';
import { benchStreaming } from './streaming.ts';

/** Each benchmark with the target from the brief it is read against. */
const SUITES: readonly {
  name: string;
  target: string;
  run: () => Promise<Record<string, number | string>>;
}[] = [
  { name: 'engine', target: '150,000 events/s on one core', run: benchEngine },
  {
    name: 'streaming',
    target: '50,000 events/s with changelog-backed state, next to a bare consumer that parses',
    run: benchStreaming,
  },
  { name: 'latency', target: 'p99 < 100 ms at 1,000 events/s', run: benchLatency },
  { name: 'lists', target: 'full SDN_ADVANCED import < 10 s and < 400 MB', run: benchLists },
  {
    name: 'identity',
    target: 'recall >= 0.97 at FPR <= 0.2%; names/s vs full OFAC',
    run: benchIdentity,
  },
  { name: 'scan', target: '1M-event history >= 100,000 events/s and < 600 MB', run: benchScan },
  {
    name: 'memory',
    target: '1 million tracked wallets < 500 MB; restored from the changelog < 30 s',
    run: benchMemory,
  },
  { name: 'chain', target: 'backfill next to raw eth_getLogs', run: benchChain },
  { name: 'api', target: 'p50/p99 of POST /v1/screen', run: benchApi },
  { name: 'startup', target: 'flowsentry --help and check < 400 ms', run: benchStartup },
];

/**
 * `npm run bench`: every benchmark in one run, one after the other so they do not share the
 * two cores, then one table. `npm run bench -- engine streaming` runs a subset.
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const rows: { suite: string; target: string; measure: string; value: number | string }[] = [];
  for (const suite of SUITES.filter((s) => only.length === 0 || only.includes(s.name))) {
    process.stderr.write(`bench: ${suite.name}...\n`);
    try {
      const result = await suite.run();
      for (const [measure, value] of Object.entries(result))
        rows.push({ suite: suite.name, target: suite.target, measure, value });
    } catch (error) {
      rows.push({
        suite: suite.name,
        target: suite.target,
        measure: 'FAILED',
        value: (error as Error).message.slice(0, 120),
      });
    }
  }
  // One line a measure, grouped by suite with its target: readable in a terminal and a note.
  let suite = '';
  for (const row of rows) {
    if (row.suite !== suite) {
      suite = row.suite;
      console.log(`\n${suite} (target: ${row.target})`);
    }
    console.log(`  ${row.measure.padEnd(48)} ${row.value}`);
  }
  process.exit(0);
}

await main();
