import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

/** The launcher that runs TypeScript through tsx (as `npm run bench` itself starts). */
const RUN_TS = fileURLToPath(new URL('../bin/run-ts.mjs', import.meta.url));

/** Each benchmark with the target from the brief it is read against. */
const SUITES: readonly {
  name: string;
  target: string;
  run: () => Promise<Record<string, number | string>>;
}[] = [
  { name: 'engine', target: '150,000 events/s on one core', run: benchEngine },
  // Latency goes before streaming: the streaming suite leaves the broker compacting and
  // deleting hundreds of megabytes of topics for a while, and a steady 1,000 events/s
  // measured meanwhile reads the broker's housework, not the screener.
  { name: 'latency', target: 'p99 < 100 ms at 1,000 events/s', run: benchLatency },
  {
    name: 'streaming',
    target: '50,000 events/s with changelog-backed state, next to a bare consumer that parses',
    run: benchStreaming,
  },
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

/** Marks the line a suite's process writes its result on (suites may print other lines). */
const RESULT = 'bench-result ';

/** Runs one suite in this process and prints its result on one marked line. */
async function runOne(name: string): Promise<void> {
  const suite = SUITES.find((s) => s.name === name);
  if (!suite) throw new Error(`unknown suite ${name}`);
  const result = await suite.run();
  process.stdout.write(`\n${RESULT}${JSON.stringify(result)}\n`);
  process.exit(0);
}

/**
 * Runs one suite in a process of its own: what one suite leaves behind (a heap grown to
 * gigabytes, compiled code, timers of a stopped screener) must not slow the next. The
 * latency suite, run in the process the streaming suite had just used, read a p99 twice
 * its usual.
 */
function isolated(name: string): Promise<Record<string, number | string>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, RUN_TS, fileURLToPath(import.meta.url), '--one', name],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT));
      if (line) resolve(JSON.parse(line.slice(RESULT.length)));
      else reject(new Error(`exit ${code}: ${out.trim().split('\n').pop() ?? ''}`));
    });
  });
}

/**
 * `npm run bench`: every benchmark in one run, one after the other so they do not share the
 * two cores, each in a fresh process, then one table. `npm run bench -- engine streaming`
 * runs a subset.
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const rows: { suite: string; target: string; measure: string; value: number | string }[] = [];
  for (const suite of SUITES.filter((s) => only.length === 0 || only.includes(s.name))) {
    process.stderr.write(`bench: ${suite.name}...\n`);
    try {
      const result = await isolated(suite.name);
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

const one = process.argv.indexOf('--one');
if (one >= 0) await runOne(process.argv[one + 1] ?? '');
else await main();
