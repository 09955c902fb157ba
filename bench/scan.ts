// `flowsentry scan` end to end over a generated history of about 1,000,000 events (the
// scenario generator's payroll: 16,000 workers, 12 biweekly pay runs), in a child process
// so its peak RSS is the scan's own, next to the engine-only rate of the same run. The child
// runs the TypeScript sources through tsx, on both of the scan's threads: that loader costs
// some 75 MB of the peak that `flowsentry scan` run from dist/ does not pay (772 against 846
// MB measured side by side on 2026-12-06), so the figure here is on the safe side.
//   node bin/run-ts.mjs bench/scan.ts
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import {
  createWriteStream,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { snapshotToFtm } from '../services/cli/demo/ftm.ts';
import { runScan, type ScanStats } from '../services/cli/embedded/index.ts';
import { generateScenario } from '../services/cli/scenario/index.ts';

/** The history: fixed seed and size, so runs compare. */
export const SCAN_WORKLOAD = { seed: 20260105, workers: 16_000, payRuns: 12 } as const;
const TARGET_EVENTS_PER_S = 100_000;
const TARGET_RSS_MB = 600;

/**
 * Where the generated history is kept between runs (generating it takes ~10 s), named
 * after the generator's source too, so a changed generator writes a new history.
 */
function workloadDir(): string {
  const { seed, workers, payRuns } = SCAN_WORKLOAD;
  const sources = fileURLToPath(new URL('../services/cli/scenario/', import.meta.url));
  const hash = createHash('sha256');
  for (const f of readdirSync(sources).sort()) hash.update(readFileSync(join(sources, f)));
  const revision = hash.digest('hex').slice(0, 8);
  return join(tmpdir(), `flowsentry-bench-scan-${seed}-${workers}-${payRuns}-${revision}`);
}

/** Writes the history as JSONL (in the generator's time order) and the lists as FtM JSON lines. */
async function prepare(): Promise<{ events: string; lists: string[] }> {
  const dir = workloadDir();
  const events = join(dir, 'events.jsonl');
  const lists = [join(dir, 'scenario-sdn.jsonl'), join(dir, 'scenario-labels.jsonl')];
  if (existsSync(events)) return { events, lists };
  await mkdir(dir, { recursive: true });
  const s = generateScenario(SCAN_WORKLOAD);
  for (const snapshot of s.lists)
    await writeFile(join(dir, `${snapshot.version.source}.jsonl`), snapshotToFtm(snapshot));
  const partial = `${events}.partial`;
  const out = createWriteStream(partial);
  let chunk = '';
  for (const e of s.events) {
    chunk += `${JSON.stringify(e)}\n`;
    if (chunk.length < 1 << 20) continue;
    if (!out.write(chunk)) await once(out, 'drain');
    chunk = '';
  }
  out.end(chunk);
  await once(out, 'finish');
  renameSync(partial, events);
  return { events, lists };
}

/** The child: one scan, its timings and peak RSS as one JSON line on stdout. */
async function child(events: string, lists: string[]): Promise<void> {
  let stats: ScanStats | undefined;
  const sink = { write: () => true, on: () => sink, once: () => sink, end: () => {} };
  // The alerts go to a file whose digest the parent prints: a change meant to save time or
  // memory must leave them byte for byte the same.
  const out = join(tmpdir(), `flowsentry-bench-scan-alerts-${process.pid}.jsonl`);
  await runScan(
    { events: [events], lists, out, format: 'json', strict: false },
    {
      stdout: sink as never,
      stderr: process.stderr,
      env: {},
      onStats: (s) => (stats = s),
    },
  );
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  // Where the memory is at the end (the peak is near it): V8's heap of the screening thread, and
  // array buffers (the scratch files' indexes, the archive's refs, chunks on their way).
  const { heapTotal, arrayBuffers } = process.memoryUsage();
  const end = { heapTotalMb: heapTotal / 2 ** 20, arrayBuffersMb: arrayBuffers / 2 ** 20 };
  const alertText = readFileSync(out);
  rmSync(out);
  const alerts = {
    alertCount: alertText.toString('latin1').split('\n').length - 1,
    alertsMd5: createHash('md5').update(alertText).digest('hex'),
  };
  process.stdout.write(
    `${JSON.stringify({ ...stats, rssMb: usage.maxRSS / 1024, cpuMs, ...end, ...alerts })}\n`,
  );
}

/** Scan rate end to end and engine only, and peak RSS, of one scan over the history. */
export async function benchScan(): Promise<Record<string, number | string>> {
  const { events, lists } = await prepare();
  const runner = fileURLToPath(new URL('../bin/run-ts.mjs', import.meta.url));
  const self = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [runner, self, '--child', events, ...lists],
    { maxBuffer: 1 << 20 },
  );
  const r = JSON.parse(stdout.trim().split('\n').pop()!) as ScanStats & {
    rssMb: number;
    cpuMs: number;
    heapTotalMb: number;
    arrayBuffersMb: number;
    alertCount: number;
    alertsMd5: string;
  };
  return {
    'scan.workload': `scenario seed ${SCAN_WORKLOAD.seed}, ${SCAN_WORKLOAD.workers} workers, ${SCAN_WORKLOAD.payRuns} pay runs, one JSONL file in time order`,
    'scan.events': r.events,
    'scan.ordering': r.ordering,
    'scan.seconds': Number((r.totalMs / 1000).toFixed(1)),
    'scan.events_per_s': Math.round(r.events / (r.totalMs / 1000)),
    // Process CPU time (every thread: reading, GC): steadier than wall time on a busy machine.
    'scan.cpu_ms': Math.round(r.cpuMs),
    'scan.cpu_events_per_s': Math.round(r.events / (r.cpuMs / 1000)),
    'scan.engine_only_events_per_s': Math.round(r.events / (r.screenMs / 1000)),
    'scan.peak_rss_mb': Math.round(r.rssMb),
    'scan.end_heap_total_mb': Math.round(r.heapTotalMb),
    'scan.end_array_buffers_mb': Math.round(r.arrayBuffersMb),
    'scan.alerts': r.alertCount,
    'scan.alerts_md5': r.alertsMd5,
    'scan.target_events_per_s': TARGET_EVENTS_PER_S,
    'scan.target_peak_rss_mb': TARGET_RSS_MB,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [flag, events, ...lists] = process.argv.slice(2);
  if (flag === '--child') await child(events!, lists);
  else console.log(JSON.stringify(await benchScan(), null, 2));
}
