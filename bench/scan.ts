// `flowsentry scan` end to end over a generated history of about 1,000,000 events (the
// scenario generator's payroll: 16,000 workers, 12 biweekly pay runs), in a child process
// so its peak RSS is the scan's own, next to the engine-only rate of the same run. The child
// (scan-child.mjs) runs the compiled JavaScript in dist/, as `flowsentry scan` does, built
// first when a source is newer; until 2026-12-06 it ran the sources through tsx, on both of the
// scan's threads, a loader that cost some 75 MB of the peak the product does not pay.
//   node bin/run-ts.mjs bench/scan.ts
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { snapshotToFtm } from '../services/cli/demo/ftm.ts';
import type { ScanStats } from '../services/cli/embedded/index.ts';
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

/** Scan rate end to end and engine only, and peak RSS, of one scan over the history. */
export async function benchScan(): Promise<Record<string, number | string>> {
  const { events, lists } = await prepare();
  // The child runs dist/: built from the sources first when one changed since the last build.
  const build = fileURLToPath(new URL('../bin/build.mjs', import.meta.url));
  await promisify(execFile)(process.execPath, [build, '--if-stale']);
  const child = fileURLToPath(new URL('./scan-child.mjs', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [child, events, ...lists], {
    maxBuffer: 1 << 20,
  });
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
  console.log(JSON.stringify(await benchScan(), null, 2));
}
