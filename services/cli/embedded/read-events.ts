import { statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { NormalizedEvent } from '../../../shared/normalize/index.ts';
import { DecodeThread } from './decode-thread.ts';
import { InputFileError } from './errors.ts';
import type { FileArchive } from './event-archive.ts';
import { type InputHead, openBytes, openStdin, readHead } from './input-file.ts';
import { EVENT_FILE_LIMITS, type EventFileLimits } from './limits.ts';
import { mergeOrdered, type OrderedStream } from './merge.ts';
import { CHUNK_BYTES, jsonlEventsHandedOver, jsonlEventsOffThread } from './offthread-reader.ts';
import {
  detectFormat,
  type FileTally,
  type InputFormat,
  jsonlEvents,
  payoutCsvEvents,
  type RejectedLine,
  Rejections,
} from './readers.ts';
import { SharedStrings } from './shared-strings.ts';
import { sortedEvents } from './sorted-runs.ts';

export type { RejectedLine } from './readers.ts';

/** One input file and what reading it gave. */
export interface FileReport extends FileTally {
  readonly file: string;
  readonly format: InputFormat['kind'];
  readonly gzip: boolean;
}

/** Progress callbacks: the total size first, then bytes as they are read. */
export interface ReadProgress {
  readonly onStart?: (totalBytes: number) => void;
  readonly onBytes?: (bytes: number) => void;
}

/** An input ready to read: a file, or standard input (`-`). */
export interface EventInput {
  readonly file: string;
  readonly head: InputHead;
  readonly format: InputFormat;
  /** Opens its bytes (a file is read `chunkBytes` at a time); standard input can be opened once only. */
  readonly open: (onBytes?: (n: number) => void, chunkBytes?: number) => Readable;
  readonly rereadable: boolean;
}

/** Opens every input first, so a missing or unknown file stops the run before any work. */
export async function openInputs(
  files: readonly string[],
  stdin?: Readable,
): Promise<EventInput[]> {
  const out: EventInput[] = [];
  for (const file of files) {
    if (file === '-') {
      if (!stdin) throw new InputFileError('-', 'standard input is not available here');
      if (out.some((i) => i.file === '-'))
        throw new InputFileError('-', 'standard input given twice');
      const { head, open } = await openStdin(stdin);
      out.push({ file, head, format: detectFormat(file, head.text), open, rereadable: false });
      continue;
    }
    const head = await readHead(file);
    const open = (onBytes?: (n: number) => void, chunkBytes?: number) =>
      openBytes(file, head.gzip, onBytes, chunkBytes);
    out.push({ file, head, format: detectFormat(file, head.text), open, rereadable: true });
  }
  return out;
}

/** What reading the inputs gave so far: per file, refused lines, totals. */
export class ReadTally {
  readonly files: FileReport[] = [];
  readonly rejections: Rejections;
  private readonly strings = new SharedStrings();
  private thread: DecodeThread | undefined;

  constructor(
    readonly limits: EventFileLimits = EVENT_FILE_LIMITS,
    /** A reading thread started ahead (see `startDecodeThread`); stopped with the tally. */
    thread?: DecodeThread,
    /** Notes where events of plain JSONL files can be read again (the engine's lookback then reads them there). */
    private readonly archive?: FileArchive,
  ) {
    this.rejections = new Rejections(limits.keptRejects);
    this.thread = thread;
  }

  /** Non-blank lines (JSONL) and data rows (CSV) read, over every file. */
  get lines(): number {
    return this.files.reduce((n, r) => n + r.lines, 0);
  }

  /** Payout rows that never left the platform (status failed, cancelled, ...). */
  get skipped(): number {
    return this.files.reduce((n, r) => n + r.skipped, 0);
  }

  /** The events of one input in file order, its counts kept here. */
  eventsOf(input: EventInput, onBytes?: (n: number) => void): AsyncGenerator<NormalizedEvent[]> {
    const report: FileReport = {
      file: input.file,
      format: input.format.kind,
      gzip: input.head.gzip,
      lines: 0,
      events: 0,
      rejected: 0,
      skipped: 0,
    };
    this.files.push(report);
    const rereadable =
      this.archive && input.rereadable && !input.head.gzip && input.format.kind === 'jsonl';
    const ctx = {
      file: input.file,
      tally: report,
      rejections: this.rejections,
      limits: this.limits,
      strings: this.strings,
      ...(rereadable ? { refBase: this.archive.add(input.file) } : {}),
    };
    if (input.format.kind !== 'jsonl')
      return payoutCsvEvents(input.open(onBytes), input.format.columns, ctx);
    const thread = () => {
      this.thread ??= new DecodeThread();
      return this.thread;
    };
    if (!input.rereadable) return jsonlEventsHandedOver(input.open(onBytes), ctx, thread);
    if (!this.offThread(input)) return jsonlEvents(input.open(onBytes), ctx);
    // Read in the pieces the reading thread takes, so each read is handed over as it is.
    return jsonlEventsOffThread(input.open(onBytes, CHUNK_BYTES), ctx, thread());
  }

  /** Stops the reading thread, if one was started. */
  async close(): Promise<void> {
    await this.thread?.close();
    this.thread = undefined;
  }

  /** Large files are decoded on the reading thread. */
  private offThread(input: EventInput): boolean {
    return input.head.size >= this.limits.offThreadBytes;
  }
}

/**
 * Starts the reading thread ahead of time when some input file is large enough to be
 * decoded on it, so the thread loads its code while the lists load.
 */
export function startDecodeThread(
  files: readonly string[],
  limits: EventFileLimits = EVENT_FILE_LIMITS,
): DecodeThread | undefined {
  const large = files.some((f) => {
    if (f === '-') return false;
    const size = statSync(f, { throwIfNoEntry: false })?.size ?? 0;
    return limits.offThreadBytes <= 0 || size >= limits.offThreadBytes;
  });
  return large ? new DecodeThread() : undefined;
}

/** How the inputs are put in canonical order. */
export type Ordering = 'presumed-sorted' | 'sort';

/**
 * The events of every input in the engine's canonical order (event time, then id),
 * batch by batch. 'presumed-sorted' merges the inputs as they stream, with no sort at all,
 * and throws `OutOfOrder` when one is not in order; 'sort' sorts in bounded memory.
 */
export function canonicalEvents(
  inputs: readonly EventInput[],
  tally: ReadTally,
  ordering: Ordering,
  progress: ReadProgress & { onSorted?: (events: number) => void } = {},
): AsyncGenerator<NormalizedEvent[]> {
  return closing(tally, ordered(inputs, tally, ordering, progress));
}

function ordered(
  inputs: readonly EventInput[],
  tally: ReadTally,
  ordering: Ordering,
  progress: ReadProgress & { onSorted?: (events: number) => void },
): AsyncGenerator<NormalizedEvent[]> {
  if (ordering === 'presumed-sorted') {
    const streams: OrderedStream[] = inputs.map((input) => ({
      name: input.file,
      batches: tally.eventsOf(input, progress.onBytes),
    }));
    return mergeOrdered(streams, true);
  }
  // Files one after the other: a single run sorter sees them all.
  async function* all() {
    for (const input of inputs) yield* tally.eventsOf(input, progress.onBytes);
  }
  return sortedEvents(all(), tally.limits.runEvents, progress.onSorted);
}

/** The stream, then the tally's reading thread stopped (however the stream ends). */
async function* closing(
  tally: ReadTally,
  events: AsyncGenerator<NormalizedEvent[]>,
): AsyncGenerator<NormalizedEvent[]> {
  try {
    yield* events;
  } finally {
    await tally.close();
  }
}

/** Events read from input files, in canonical order, with the lines that were refused. */
export interface ReadResult {
  readonly events: NormalizedEvent[];
  /** The first refused lines, with their reasons (`refused` counts them all). */
  readonly rejected: RejectedLine[];
  readonly refused: number;
  /** Non-blank lines (JSONL) and data rows (CSV) read, over every file. */
  readonly lines: number;
  /** Payout rows that never left the platform (status failed, cancelled, ...). */
  readonly skipped: number;
  readonly files: FileReport[];
}

/**
 * Reads event files whole, in canonical order (for tests and small inputs; `flowsentry
 * scan` streams instead, through `canonicalEvents`).
 */
export async function readEventFiles(
  files: readonly string[],
  progress: ReadProgress = {},
  limits: EventFileLimits = EVENT_FILE_LIMITS,
): Promise<ReadResult> {
  const inputs = await openInputs(files);
  progress.onStart?.(inputs.reduce((n, i) => n + i.head.size, 0));
  const tally = new ReadTally(limits);
  const events: NormalizedEvent[] = [];
  for await (const batch of canonicalEvents(inputs, tally, 'sort', progress))
    for (const e of batch) events.push(e);
  return {
    events,
    rejected: tally.rejections.kept,
    refused: tally.rejections.count,
    lines: tally.lines,
    skipped: tally.skipped,
    files: tally.files,
  };
}
