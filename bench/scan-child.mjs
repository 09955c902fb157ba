// The child process of bench/scan.ts: one `flowsentry scan` of the history from the compiled
// JavaScript in dist/, as the `flowsentry` command runs it (the TypeScript loader that runs
// the benchmarks costs some 75 MB of the peak that the product does not pay), printing its
// timings, peak RSS and the digest of its alerts as one JSON line on stdout.
//   node bench/scan-child.mjs EVENTS LISTS...
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { runScan } = await import(
  new URL('../dist/services/cli/embedded/index.js', import.meta.url).href
);
const [events, ...lists] = process.argv.slice(2);
let stats;
const sink = { write: () => true, on: () => sink, once: () => sink, end: () => {} };
// The alerts go to a file whose digest is printed: a change meant to save time or memory
// must leave them byte for byte the same.
const out = join(tmpdir(), `flowsentry-bench-scan-alerts-${process.pid}.jsonl`);
await runScan(
  { events: [events], lists, out, format: 'json', strict: false },
  { stdout: sink, stderr: process.stderr, env: {}, onStats: (s) => (stats = s) },
);
const usage = process.resourceUsage();
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
// Where the memory is at the end (the peak is near it): V8's heap of the screening thread, and
// array buffers (the scratch files' indexes, chunks on their way).
const { heapTotal, arrayBuffers } = process.memoryUsage();
const alertText = readFileSync(out);
rmSync(out);
const result = {
  ...stats,
  rssMb: usage.maxRSS / 1024,
  cpuMs,
  heapTotalMb: heapTotal / 2 ** 20,
  arrayBuffersMb: arrayBuffers / 2 ** 20,
  alertCount: alertText.toString('latin1').split('\n').length - 1,
  alertsMd5: createHash('md5').update(alertText).digest('hex'),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
