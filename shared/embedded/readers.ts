import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { decodeEvent, type Envelope } from '../contract/index.ts';
import { FlowsentryError } from '../errors.ts';
import { type NormalizedEvent, normalizeEvent } from '../normalize/index.ts';
import { InputFileError } from './errors.ts';
import { openText } from './input-file.ts';
import { mapColumns, type PayoutColumns } from './payout-columns.ts';
import { columnReason, payoutFromRow } from './payout-row.ts';

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

/** Where a reader puts what it reads. */
export interface ReadSink {
  readonly events: NormalizedEvent[];
  readonly rejected: RejectedLine[];
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

/**
 * Validates and normalizes one record (null: a payout that never left, counted as skipped);
 * a contract violation is rejected with its reason, anything else is a bug and throws.
 */
function accept(
  sink: ReadSink,
  tally: FileTally,
  at: { file: string; line: number },
  make: () => Envelope | null,
  explain = (reason: string) => reason,
): void {
  try {
    const envelope = make();
    if (envelope === null) {
      tally.skipped++;
      return;
    }
    sink.events.push(normalizeEvent(envelope));
    tally.events++;
  } catch (error) {
    if (!(error instanceof FlowsentryError && error.poison)) throw error;
    sink.rejected.push({ ...at, reason: explain(error.message) });
    tally.rejected++;
  }
}

/** Reads JSONL events line by line (streamed); blank lines are skipped. */
export async function readJsonl(
  file: string,
  gzip: boolean,
  sink: ReadSink,
  onBytes?: (n: number) => void,
): Promise<FileTally> {
  const tally: FileTally = { lines: 0, events: 0, rejected: 0, skipped: 0 };
  const lines = createInterface({
    input: openText(file, gzip, onBytes),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  try {
    for await (const raw of lines) {
      line++;
      const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (text.trim() === '') continue;
      tally.lines++;
      accept(sink, tally, { file, line }, () => decodeEvent(text));
    }
  } catch (error) {
    throw readFailure(file, error);
  }
  return tally;
}

/** CSV records with the line each ends on, streamed from a (gzipped or plain) file. */
function csvRecords(file: string, gzip: boolean, onBytes?: (n: number) => void) {
  const parser = parseCsv({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    from_line: 2,
  });
  // pipeline hands a read error (a corrupt gzip) to the parser, and so to the reading loop.
  pipeline(openText(file, gzip, onBytes), parser, () => {});
  return parser as AsyncIterable<{ record: string[]; info: { lines: number } }>;
}

/** A broken quote leaves the rest of the file unreadable: one refusal on the line it starts, not one a row. */
function csvBroken(file: string, error: unknown, sink: ReadSink, tally: FileTally): void {
  if (!String((error as { code?: unknown }).code).startsWith('CSV_'))
    throw readFailure(file, error);
  const line = (error as { lines?: number }).lines ?? tally.lines + 2;
  const reason = `malformed CSV (${(error as Error).message}); the rest of the file was not read`;
  sink.rejected.push({ file, line, reason });
  tally.rejected++;
}

/** Reads a payouts CSV row by row (streamed); each row becomes a payout event. */
export async function readPayoutCsv(
  file: string,
  gzip: boolean,
  columns: PayoutColumns,
  sink: ReadSink,
  onBytes?: (n: number) => void,
): Promise<FileTally> {
  const tally: FileTally = { lines: 0, events: 0, rejected: 0, skipped: 0 };
  const source = `csv:${file.split(/[\\/]/).pop()}`;
  const explain = (reason: string) => columnReason(reason, columns);
  try {
    for await (const { record, info } of csvRecords(file, gzip, onBytes)) {
      tally.lines++;
      const make = () => {
        const outcome = payoutFromRow(record, columns, source);
        return 'event' in outcome ? outcome.event : null;
      };
      accept(sink, tally, { file, line: info.lines }, make, explain);
    }
  } catch (error) {
    csvBroken(file, error, sink, tally);
  }
  return tally;
}

/** A stream failing mid-file (corrupt gzip, disk error) refuses the file; bugs pass through. */
function readFailure(file: string, error: unknown): unknown {
  if (error instanceof FlowsentryError) return error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? new InputFileError(file, (error as Error).message) : error;
}
