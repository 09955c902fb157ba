import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { parse as parseCsvSync } from 'csv-parse/sync';
import type { Envelope } from '../../../shared/contract/index.ts';
import { FlowsentryError } from '../../../shared/errors.ts';
import { type NormalizedEvent, normalizeEvent } from '../../../shared/normalize/index.ts';
import { InputFileError } from './errors.ts';
import { decodeJsonlLines, type LineSink } from './jsonl-lines.ts';
import type { EventFileLimits } from './limits.ts';
import { linesOf } from './lines.ts';
import { mapColumns, type PayoutColumns } from './payout-columns.ts';
import { columnReason, payoutFromRow } from './payout-row.ts';
import type { SharedStrings } from './shared-strings.ts';

/** A line of an input file that could not be used, and why. */
export interface RejectedLine {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/** What reading one file gave. */
export interface FileTally {
  lines: number;
  events: number;
  rejected: number;
  /** Payout rows that never left the platform (failed, cancelled): counted, not screened. */
  skipped: number;
}

/** Refused lines over every file: all counted, only the first `keep` held with their reason. */
export class Rejections {
  readonly kept: RejectedLine[] = [];
  count = 0;

  constructor(private readonly keep: number) {}

  add(rejected: RejectedLine): void {
    this.count++;
    // A copy: a reason cut from a line could otherwise hold on to the whole chunk it was read with.
    const reason = Buffer.from(rejected.reason).toString();
    if (this.kept.length < this.keep) this.kept.push({ ...rejected, reason });
  }
}

/** The formats an events input can have, told apart by content. */
export type InputFormat =
  | { readonly kind: 'jsonl' }
  | { readonly kind: 'payout-csv'; readonly columns: PayoutColumns };

/**
 * Tells JSONL events from a payouts CSV by the first non-blank line: a JSON object is JSONL;
 * a CSV header with the payout columns is a payouts CSV; a CSV header without them is refused
 * (naming what is missing) instead of yielding one "not JSON" per line.
 */
export function detectFormat(file: string, head: string): InputFormat {
  const first = head.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  if (first.trimStart().startsWith('{') || !first.includes(',')) return { kind: 'jsonl' };
  let header: string[];
  try {
    header = (parseCsvSync(first, { relax_quotes: true }) as string[][])[0] ?? [];
  } catch {
    return { kind: 'jsonl' };
  }
  const { columns, missing } = mapColumns(header);
  if (missing.length === 0) return { kind: 'payout-csv', columns };
  throw new InputFileError(
    file,
    `neither JSONL events nor a payouts CSV: the CSV header lacks ${missing.join(', ')} (see docs/embedded.md)`,
  );
}

/** Where one file's reader reports what it refused and counted. */
export interface ReadContext {
  readonly file: string;
  readonly tally: FileTally;
  readonly rejections: Rejections;
  readonly limits: EventFileLimits;
  /** Shares the strings events repeat (for long inputs the engine keeps in memory). */
  readonly strings?: SharedStrings;
  /** Where the file's events can be read again: this plus their line's byte offset (JSONL files). */
  readonly refBase?: number;
}

/**
 * Validates and normalizes one record (null: a payout that never left, counted as skipped);
 * a contract violation is refused with its reason, anything else is a bug and throws.
 */
function accept(
  ctx: ReadContext,
  line: number,
  make: () => Envelope | null,
  out: NormalizedEvent[],
  explain = (reason: string) => reason,
): void {
  try {
    const envelope = make();
    if (envelope === null) {
      ctx.tally.skipped++;
      return;
    }
    const event = normalizeEvent(envelope);
    out.push(ctx.strings ? ctx.strings.event(event) : event);
    ctx.tally.events++;
  } catch (error) {
    if (!(error instanceof FlowsentryError && error.poison)) throw error;
    ctx.rejections.add({ file: ctx.file, line, reason: explain(error.message) });
    ctx.tally.rejected++;
  }
}

/** JSONL events, in file order, a chunk's worth at a time; blank lines are skipped. */
export async function* jsonlEvents(
  input: Readable,
  ctx: ReadContext,
): AsyncGenerator<NormalizedEvent[]> {
  try {
    for await (const lines of linesOf(input, ctx.limits.maxLineBytes)) {
      const out: NormalizedEvent[] = [];
      const sink: LineSink = {
        event: (e) => {
          out.push(ctx.strings ? ctx.strings.event(e) : e);
          ctx.tally.events++;
        },
        refuse: (line, reason) => refuse(ctx, line, reason),
      };
      ctx.tally.lines += decodeJsonlLines(lines, ctx.limits.maxLineBytes, sink, ctx.refBase);
      if (out.length > 0) yield out;
    }
  } catch (error) {
    throw readFailure(ctx.file, error);
  }
}

/** Counts and keeps one refused line of the file being read. */
export function refuse(ctx: ReadContext, line: number, reason: string): void {
  ctx.rejections.add({ file: ctx.file, line, reason });
  ctx.tally.rejected++;
}

/** CSV records with the line each ends on, streamed from the file's bytes. */
function csvRecords(input: Readable) {
  const parser = parseCsv({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    from_line: 2,
    max_record_size: 1 << 20,
  });
  // pipeline hands a read error (a corrupt gzip) to the parser, and so to the reading loop.
  pipeline(input, parser, () => {});
  return parser as AsyncIterable<{ record: string[]; info: { lines: number } }>;
}

/** A broken quote leaves the rest of the file unreadable: one refusal on the line it starts, not one a row. */
function csvBroken(ctx: ReadContext, error: unknown): void {
  if (!String((error as { code?: unknown }).code).startsWith('CSV_'))
    throw readFailure(ctx.file, error);
  const line = (error as { lines?: number }).lines ?? ctx.tally.lines + 2;
  const reason = `malformed CSV (${(error as Error).message}); the rest of the file was not read`;
  ctx.rejections.add({ file: ctx.file, line, reason });
  ctx.tally.rejected++;
}

/** Payout events from a payouts CSV, row by row (streamed), in batches. */
export async function* payoutCsvEvents(
  input: Readable,
  columns: PayoutColumns,
  ctx: ReadContext,
): AsyncGenerator<NormalizedEvent[]> {
  const source = `csv:${ctx.file.split(/[\\/]/).pop()}`;
  const explain = (reason: string) => columnReason(reason, columns);
  let out: NormalizedEvent[] = [];
  try {
    for await (const { record, info } of csvRecords(input)) {
      ctx.tally.lines++;
      const make = () => {
        const outcome = payoutFromRow(record, columns, source);
        return 'event' in outcome ? outcome.event : null;
      };
      accept(ctx, info.lines, make, out, explain);
      if (out.length >= 1_000) {
        yield out;
        out = [];
      }
    }
  } catch (error) {
    csvBroken(ctx, error);
  }
  if (out.length > 0) yield out;
}

/** A stream failing mid-file (corrupt gzip, disk error) refuses the file; bugs pass through. */
export function readFailure(file: string, error: unknown): unknown {
  if (error instanceof FlowsentryError) return error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? new InputFileError(file, (error as Error).message) : error;
}
