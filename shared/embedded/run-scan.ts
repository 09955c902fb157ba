import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Alert } from '../engine/alert.ts';
import type { ListSnapshot } from '../lists/types.ts';
import { plural } from '../report/format.ts';
import { renderHtmlReport } from '../report/html.ts';
import { byRisk, summarize, summaryLines } from '../report/summary.ts';
import { alertTable } from '../report/table.ts';
import { InputFileError } from './errors.ts';
import { scanLists } from './lists.ts';
import { openOutput } from './output.ts';
import { workerNames } from './profiles.ts';
import { progressOn } from './progress.ts';
import { type ReadResult, readEventFiles } from './read-events.ts';
import { screenEvents } from './screen-events.ts';

/** Output formats of `flowsentry scan`. */
export const SCAN_FORMATS = ['json', 'table', 'html'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** Checked options of a scan. */
export interface ScanOptions {
  readonly events: readonly string[];
  readonly lists: readonly string[];
  readonly out?: string;
  readonly format: ScanFormat;
  /** Exit 2 when any input line was refused (after writing everything). */
  readonly strict: boolean;
}

/** The streams and environment a scan uses, so tests can run it in process. */
export interface ScanIo {
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly stdin?: Readable;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Refused lines shown one by one before the rest are only counted. */
export const SHOWN_REJECTS = 10;

function reportRejected(read: ReadResult, stderr: Writable): void {
  for (const r of read.rejected.slice(0, SHOWN_REJECTS))
    stderr.write(`flowsentry: scan: ${r.file}:${r.line}: ${r.reason}\n`);
  const more = read.rejected.length - SHOWN_REJECTS;
  if (more > 0)
    stderr.write(
      `flowsentry: scan: ... and ${plural(more, 'more bad line')} (${read.rejected.length} in all)\n`,
    );
}

function render(
  format: ScanFormat,
  alerts: Alert[],
  read: ReadResult,
  lists: readonly ListSnapshot[],
  files: readonly string[],
): string {
  if (format === 'json') return alerts.map((a) => `${JSON.stringify(a)}\n`).join('');
  if (format === 'table') return alerts.length ? `${alertTable(alerts)}\n` : '';
  const inputs = {
    files,
    events: read.events.length,
    rejected: read.rejected.length,
    from: read.events[0]?.at,
    to: read.events.at(-1)?.at,
  };
  return renderHtmlReport({
    alerts,
    generatedAt: new Date().toISOString(),
    mode: 'embedded',
    inputs,
    lists: lists.map((l) => l.version),
    workerNames: workerNames(read.events),
  });
}

/** Fails fast, before lists load or anything is read, on an input or output path that cannot work. */
function checkPaths(o: ScanOptions): void {
  const missing = o.events.find((f) => !existsSync(f));
  if (missing) throw new InputFileError(missing, 'no such file');
  if (o.out && o.out !== '-' && !existsSync(dirname(resolve(o.out))))
    throw new InputFileError(o.out, 'cannot write: its directory does not exist');
}

function headline(read: ReadResult, lists: readonly ListSnapshot[], ms: number): string {
  const refused = read.rejected.length
    ? `, ${plural(read.rejected.length, 'bad line')} refused`
    : '';
  const skipped = read.skipped
    ? `, ${plural(read.skipped, 'payout')} skipped (failed or cancelled, never paid out)`
    : '';
  return `flowsentry scan: ${plural(read.events.length, 'event')} from ${plural(read.files.length, 'file')}${refused}${skipped}, screened against ${plural(lists.length, 'list')} in ${(ms / 1000).toFixed(1)} s`;
}

/**
 * `flowsentry scan`: reads the event files, screens them with the full engine in one
 * process, writes the alerts (JSON lines, a table or the HTML report) to --out or stdout,
 * and a summary with every refused line to stderr. Returns the exit code.
 */
export async function runScan(o: ScanOptions, io: ScanIo): Promise<number> {
  try {
    return await scanOnce(o, io);
  } catch (error) {
    throw error instanceof InputFileError ? error.by('scan') : error;
  }
}

async function scanOnce(o: ScanOptions, io: ScanIo): Promise<number> {
  const started = performance.now();
  checkPaths(o);
  const lists = await scanLists(o.lists, io.env, io.stderr);
  const progress = progressOn(io.stderr);
  let read: ReadResult;
  let alerts: Alert[];
  try {
    read = await readEventFiles(o.events, {
      onStart: (n) => progress.phase('reading', n, 'bytes'),
      onBytes: (n) => progress.advance(n),
    });
    progress.phase('screening', read.events.length, 'events');
    alerts = (await screenEvents(read.events, lists, (done) => progress.set(done))).sort(byRisk);
  } finally {
    progress.stop();
  }
  reportRejected(read, io.stderr);
  // Opened only now: a scan that fails on its inputs leaves an existing --out file alone.
  const out = await openOutput(o.out, io.stdout);
  await out.write(render(o.format, alerts, read, lists, o.events));
  await out.end();
  const lines = [
    headline(read, lists, performance.now() - started),
    ...summaryLines(summarize(alerts)),
  ];
  if (o.out)
    lines.push(
      `wrote ${o.format === 'json' ? plural(alerts.length, 'alert') : `the ${o.format} report`} to ${o.out}`,
    );
  io.stderr.write(`${lines.join('\n')}\n`);
  return o.strict && read.rejected.length > 0 ? 2 : 0;
}
