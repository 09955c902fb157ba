// Start time of the `flowsentry` command as a user runs it (node bin/flowsentry.mjs, the
// compiled dist/), next to the same command from the TypeScript sources through tsx.
//   node bin/run-ts.mjs bench/startup.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const RUNS = 15;
const ADDRESS = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96';

/** Median wall time in ms of `node ARGS` over RUNS runs (after one warm-up run). */
function medianMs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
    if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')}: ${run.stderr}`);
    if (i > 0) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] ?? 0);
}

/** `--help` and `check ADDRESS` against a one-line list, compiled and from sources. */
export async function benchStartup(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'flowsentry-startup-'));
  try {
    const list = join(dir, 'list.csv');
    writeFileSync(
      list,
      `address,chain,label,category,source\n${ADDRESS},ethereum,x,sanctions,bench\n`,
    );
    const check = ['check', '--lists', list, ADDRESS];
    const fromSources = ['--import', 'tsx', '--input-type=module', '-e'];
    const sourceMain = (args: string[]) =>
      `const { main } = await import('./services/cli/main.ts'); await main(${JSON.stringify(args)});`;
    return {
      'flowsentry --help (ms, median)': medianMs(['bin/flowsentry.mjs', '--help']),
      'flowsentry check ADDRESS (ms, median)': medianMs(['bin/flowsentry.mjs', ...check]),
      'from sources through tsx: --help (ms)': medianMs([...fromSources, sourceMain(['--help'])]),
      'from sources through tsx: check (ms)': medianMs([...fromSources, sourceMain(check)]),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(await benchStartup());
}
