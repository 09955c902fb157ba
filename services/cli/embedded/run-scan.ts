import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import type { Alert } from '../../../shared/engine/alert.ts';
import { loadEngineConfig } from '../../../shared/engine/config/index.ts';
import type { EngineConfig } from '../../../shared/engine/config/schema.ts';
import type { ListSnapshot } from '../../../shared/lists/types.ts';
import { forTerminal } from '../../../shared/log/terminal.ts';
import { plural } from '../report/format.ts';
import { renderHtmlReport } from '../report/html.ts';
import { byRisk, summarize, summaryLines } from '../report/summary.ts';
import { alertTable } from '../report/table.ts';
import type { DecodeThread } from './decode-thread.ts';
import { InputFileError } from './errors.ts';
import { FileArchive } from './event-archive.ts';
import { EVENT_FILE_LIMITS, type EventFileLimits } from './limits.ts';
import { scanLists } from './lists.ts';
import { OutOfOrder } from './merge.ts';
import { openOutput } from './output.ts';
import { type Progress, progressOn } from './progress.ts';
import {
  canonicalEvents,
  type EventInput,
  type Ordering,
  openInputs,
  ReadTally,
  startDecodeThread,
} from './read-events.ts';
import { type Screened, type StreamFacts, screenStream } from './screen-events.ts';

/** Output formats of `flowsentry scan`. */
export const SCAN_FORMATS = ['json', 'table', 'html'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** Checked options of a scan. */
export interface ScanOptions {
  /** Event files; `-` is standard input. */
  readonly events: readonly string[];
  readonly lists: readonly string[];
  /** The rules file (thresholds); else FLOWSENTRY_RULES, else the built-in defaults. */
  readonly rules?: string;
  readonly out?: string;
  readonly format: ScanFormat;
  /** Exit 2 when any input line was refused (after writing everything). */
  readonly strict: boolean;
  /** Reader limits (tests shrink them). */
  readonly limits?: EventFileLimits;
}

/** Timings of one scan, for benchmarks. */
export interface ScanStats {
  readonly events: number;
  readonly totalMs: number;
  /** Time in the engine and sink alone. */
  readonly screenMs: number;
  readonly ordering: Ordering;
}

/** The streams and environment a scan uses, so tests can run it in process. */
export interface ScanIo {
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly stdin?: Readable;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly onStats?: (stats: ScanStats) => void;
}

/** Refused lines shown one by one before the rest are only counted. */
export const SHOWN_REJECTS = 10;

/** What one pass over the inputs gave. */
interface Pass {
  readonly tally: ReadTally;
  readonly screened: Screened;
  readonly facts: StreamFacts;
  readonly ordering: Ordering;
}

function reportRejected(tally: ReadTally, stderr: Writable): void {
  const { kept, count } = tally.rejections;
  for (const r of kept.slice(0, SHOWN_REJECTS))
    stderr.write(`flowsentry: scan: ${forTerminal(`${r.file}:${r.line}: ${r.reason}`)}\n`);
  const more = count - SHOWN_REJECTS;
  if (more > 0)
    stderr.write(`flowsentry: scan: ... and ${plural(more, 'more bad line')} (${count} in all)\n`);
}

function render(
  format: ScanFormat,
  alerts: Alert[],
  pass: Pass,
  lists: readonly ListSnapshot[],
  files: readonly string[],
): string {
  if (format === 'json') return alerts.map((a) => `${JSON.stringify(a)}\n`).join('');
  if (format === 'table') return alerts.length ? `${alertTable(alerts)}\n` : '';
  const inputs = {
    files,
    events: pass.screened.events,
    rejected: pass.tally.rejections.count,
    from: pass.facts.first,
    to: pass.facts.last,
  };
  return renderHtmlReport({
    alerts,
    generatedAt: new Date().toISOString(),
    mode: 'embedded',
    inputs,
    lists: lists.map((l) => l.version),
    workerNames: pass.facts.workerNames,
  });
}

/** Fails fast, before lists load or anything is read, on an input or output path that cannot work. */
function checkPaths(o: ScanOptions): void {
  const missing = o.events.find((f) => f !== '-' && !existsSync(f));
  if (missing) throw new InputFileError(missing, 'no such file');
  if (o.out && o.out !== '-' && !existsSync(dirname(resolve(o.out))))
    throw new InputFileError(o.out, 'cannot write: its directory does not exist');
}

function headline(pass: Pass, lists: readonly ListSnapshot[], ms: number): string {
  const refusedCount = pass.tally.rejections.count;
  const refused = refusedCount ? `, ${plural(refusedCount, 'bad line')} refused` : '';
  const skipped = pass.tally.skipped
    ? `, ${plural(pass.tally.skipped, 'payout')} skipped (failed or cancelled, never paid out)`
    : '';
  return `flowsentry scan: ${plural(pass.screened.events, 'event')} from ${plural(pass.tally.files.length, 'file')}${refused}${skipped}, screened against ${plural(lists.length, 'list')} in ${(ms / 1000).toFixed(1)} s`;
}

/**
 * `flowsentry scan`: reads the event files, screens them with the full engine in one
 * process, writes the alerts (JSON lines, a table or the HTML report) to --out or stdout,
 * and a summary with the first refused lines to stderr. Returns the exit code.
 */
export async function runScan(o: ScanOptions, io: ScanIo): Promise<number> {
  const restore = boundHeapGrowth();
  try {
    return await scanOnce(o, io);
  } catch (error) {
    throw error instanceof InputFileError ? error.by('scan') : error;
  } finally {
    restore();
  }
}

/**
 * How much V8 lets the heap grow past what a full collection left live, while a scan runs.
 * By default V8 picks the factor from how fast it collects, and over a scan, whose state
 * only grows, it kept 1.5-2 times the live heap committed. On the million-event bench (dist,
 * alternated runs on a loaded machine): default peak 577-596 MB at 58-69 CPU s; 50%: 519-533
 * MB at 64-67 CPU s; 30%: 491-501 MB at 75-81 CPU s, too many full collections. The flag is
 * the process's (both threads), set for the scan only and left alone when the node command
 * line gives one.
 */
const HEAP_GROWING_PERCENT = 50;

/** Sets the heap growth of a scan; returns what puts V8's default back. */
function boundHeapGrowth(): () => void {
  if (process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))) return () => {};
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  // 0 is V8's default: the factor chosen from the collector's speed.
  return () => setFlagsFromString('--heap-growing-percent=0');
}

/** One pass: the inputs streamed in canonical order through the engine. */
async function screenPass(
  inputs: readonly EventInput[],
  ordering: Ordering,
  ctx: {
    lists: readonly ListSnapshot[];
    config: EngineConfig;
    limits: EventFileLimits;
    progress: Progress;
    /** A reading thread already started, for this pass. */
    thread?: DecodeThread | undefined;
  },
): Promise<Pass> {
  const { progress } = ctx;
  const archive = new FileArchive(ctx.limits.maxLineBytes);
  const tally = new ReadTally(ctx.limits, ctx.thread, archive);
  const facts: StreamFacts = { workerNames: new Map() };
  const total = inputs.reduce((n, i) => n + i.head.size, 0);
  progress.phase('reading', total, 'bytes');
  const stream = canonicalEvents(inputs, tally, ordering, {
    onBytes: (n) => progress.advance(n),
    onSorted: (n) => progress.phase('screening', n, 'events'),
  });
  const onBatch = ordering === 'sort' ? (done: number) => progress.set(done) : undefined;
  try {
    const screened = await screenStream(stream, ctx.lists, {
      config: ctx.config,
      facts,
      archive,
      ...(onBatch ? { onBatch } : {}),
    });
    return { tally, screened, facts, ordering };
  } finally {
    archive.close();
  }
}

/**
 * Screens inputs presumed in canonical order as they stream (no sort, one pass); when one
 * turns out not to be, starts over with a fresh engine and sorts in bounded memory.
 */
async function screenInputs(
  o: ScanOptions,
  io: ScanIo,
  ctx: Omit<Parameters<typeof screenPass>[2], 'progress'>,
): Promise<Pass> {
  const progress = progressOn(io.stderr);
  try {
    const inputs = await openInputs(o.events, io.stdin);
    if (inputs.every((i) => i.rereadable)) {
      try {
        return await screenPass(inputs, 'presumed-sorted', { ...ctx, progress });
      } catch (error) {
        if (!(error instanceof OutOfOrder)) throw error;
      }
    }
    // The first pass stopped the thread it was given: this one starts its own.
    return await screenPass(inputs, 'sort', { ...ctx, thread: undefined, progress });
  } finally {
    progress.stop();
  }
}

async function scanOnce(o: ScanOptions, io: ScanIo): Promise<number> {
  const started = performance.now();
  checkPaths(o);
  const limits = o.limits ?? EVENT_FILE_LIMITS;
  const thread = startDecodeThread(o.events, limits);
  let pass: Pass;
  let lists: ListSnapshot[];
  try {
    const rules = o.rules ?? io.env.FLOWSENTRY_RULES;
    const config = loadEngineConfig(rules === '' ? undefined : rules);
    lists = await scanLists(o.lists, io.env, io.stderr);
    pass = await screenInputs(o, io, { lists, config, limits, thread });
  } finally {
    // Stopped already when a pass ran; not when the rules or lists failed.
    await thread?.close();
  }
  const alerts = pass.screened.alerts.sort(byRisk);
  reportRejected(pass.tally, io.stderr);
  // Opened only now: a scan that fails on its inputs leaves an existing --out file alone.
  const out = await openOutput(o.out, io.stdout);
  await out.write(render(o.format, alerts, pass, lists, o.events));
  await out.end();
  const totalMs = performance.now() - started;
  const lines = [headline(pass, lists, totalMs), ...summaryLines(summarize(alerts))];
  if (o.out)
    lines.push(
      `wrote ${o.format === 'json' ? plural(alerts.length, 'alert') : `the ${o.format} report`} to ${o.out}`,
    );
  io.stderr.write(`${lines.join('\n')}\n`);
  io.onStats?.({
    events: pass.screened.events,
    totalMs,
    screenMs: pass.screened.screenMs,
    ordering: pass.ordering,
  });
  return o.strict && pass.tally.rejections.count > 0 ? 2 : 0;
}
