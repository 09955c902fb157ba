// Engine throughput on the standard workload: the scenario generator's payroll (3,200
// workers, 12 biweekly pay runs: ~205k events with every typology planted), screened in
// batches of 1,000 by one engine with in-memory state on one JS thread.
//   node bin/run-ts.mjs bench/engine.ts
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateScenario } from '../services/cli/scenario/index.ts';
import { decodeEvent, type Envelope } from '../shared/contract/index.ts';
import { Engine } from '../shared/engine/index.ts';
import { TagIndex } from '../shared/lists/tag-index.ts';
import { type NormalizedEvent, normalizeEvent } from '../shared/normalize/index.ts';

/** The standard workload: fixed seed and size, so runs compare. */
export const STANDARD_WORKLOAD = { seed: 20260105, workers: 3_200, payRuns: 12 } as const;
const BATCH = 1_000;
const PASSES = 3;
const TARGET = 150_000;

interface Pass {
  readonly eventsPerS: number;
  readonly cpuEventsPerS: number;
  readonly alerts: number;
}

/** One fresh engine over the whole workload; `prepare` turns a batch into normalized events. */
function pass<T>(
  tags: TagIndex,
  batches: readonly T[][],
  prepare: (batch: T[]) => NormalizedEvent[],
): Pass {
  const engine = new Engine({ tags });
  let events = 0;
  let alerts = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const batch of batches) {
    const normalized = prepare(batch);
    events += normalized.length;
    alerts += engine.process(normalized).length;
  }
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return {
    eventsPerS: (events / ms) * 1000,
    cpuEventsPerS: (events / (used.user + used.system)) * 1e6,
    alerts,
  };
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function describe(events: readonly Envelope[]): string {
  const by = new Map<string, number>();
  for (const e of events) by.set(e.type, (by.get(e.type) ?? 0) + 1);
  return [...by].map(([t, n]) => `${t} ${n}`).join(', ');
}

/**
 * Events per second of the engine alone (events decoded and normalized beforehand) and
 * of decode + normalize + engine (JSON bytes in, as from Kafka). The first pass is
 * reported as `cold` (JIT warming up); then `PASSES` passes on fresh engines give the
 * best and median steady-state rates. `cpu_*` divides by process CPU time (GC helper
 * threads included), the stricter reading of "one core".
 */
export async function benchEngine(): Promise<Record<string, number | string>> {
  const s = generateScenario(STANDARD_WORKLOAD);
  const tags = new TagIndex(s.lists);
  const normalized = chunks(s.events.map(normalizeEvent));
  const bytes = chunks(s.events.map((e) => Buffer.from(JSON.stringify(e))));
  const cold = pass(tags, normalized, (b) => b);
  const warm = Array.from({ length: PASSES }, () => pass(tags, normalized, (b) => b));
  const decoded = Array.from({ length: PASSES }, () =>
    pass(tags, bytes, (b) => b.map((x) => normalizeEvent(decodeEvent(x)))),
  );
  const best = (ps: Pass[], k: keyof Pass) => Math.round(Math.max(...ps.map((p) => p[k])));
  return {
    'engine.workload': `scenario seed ${STANDARD_WORKLOAD.seed}, ${STANDARD_WORKLOAD.workers} workers, ${STANDARD_WORKLOAD.payRuns} pay runs: ${describe(s.events)}`,
    'engine.events': s.events.length,
    'engine.alerts': warm[0]!.alerts,
    'engine.cold_events_per_s': Math.round(cold.eventsPerS),
    'engine.events_per_s': best(warm, 'eventsPerS'),
    'engine.events_per_s_median': Math.round(median(warm.map((p) => p.eventsPerS))),
    'engine.cpu_events_per_s': best(warm, 'cpuEventsPerS'),
    'engine.cpu_events_per_s_median': Math.round(median(warm.map((p) => p.cpuEventsPerS))),
    // CPU microseconds per event, median pass: the figure engine commits are measured by.
    'engine.cpu_us_per_event_median': Number(
      (1e6 / median(warm.map((p) => p.cpuEventsPerS))).toFixed(2),
    ),
    'engine.with_decode_events_per_s': best(decoded, 'eventsPerS'),
    'engine.with_decode_events_per_s_median': Math.round(median(decoded.map((p) => p.eventsPerS))),
    'engine.target_events_per_s': TARGET,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(JSON.stringify(await benchEngine(), null, 2));
}
