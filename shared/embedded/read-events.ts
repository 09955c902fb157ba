import { compareEvents, type NormalizedEvent } from '../normalize/index.ts';
import { type InputHead, readHead } from './input-file.ts';
import {
  detectFormat,
  type FileTally,
  type InputFormat,
  type RejectedLine,
  readJsonl,
  readPayoutCsv,
} from './readers.ts';

export type { RejectedLine } from './readers.ts';

/** One input file and what reading it gave. */
export interface FileReport extends FileTally {
  readonly file: string;
  readonly format: InputFormat['kind'];
  readonly gzip: boolean;
}

/** Events read from input files, in time order, with the lines that were refused. */
export interface ReadResult {
  readonly events: NormalizedEvent[];
  readonly rejected: RejectedLine[];
  /** Non-blank lines (JSONL) and data rows (CSV) read, over every file. */
  readonly lines: number;
  /** Payout rows that never left the platform (status failed, cancelled, ...). */
  readonly skipped: number;
  readonly files: FileReport[];
}

/** Progress callbacks: the total size first, then bytes as they are read. */
export interface ReadProgress {
  readonly onStart?: (totalBytes: number) => void;
  readonly onBytes?: (bytes: number) => void;
}

/** Opens every file first, so a missing or unknown file stops the run before any work. */
async function plan(
  files: readonly string[],
): Promise<{ file: string; head: InputHead; format: InputFormat }[]> {
  const out = [];
  for (const file of files) {
    const head = await readHead(file);
    out.push({ file, head, format: detectFormat(file, head.text) });
  }
  return out;
}

/**
 * Reads event files for embedded mode: JSONL envelopes or payouts CSV exports (told apart
 * by content, gzip or not), streamed, then put in the engine's canonical order (event time,
 * then id), the order the streaming sequencer releases events in.
 */
export async function readEventFiles(
  files: readonly string[],
  progress: ReadProgress = {},
): Promise<ReadResult> {
  const inputs = await plan(files);
  progress.onStart?.(inputs.reduce((n, i) => n + i.head.size, 0));
  const sink = { events: [] as NormalizedEvent[], rejected: [] as RejectedLine[] };
  const reports: FileReport[] = [];
  for (const { file, head, format } of inputs) {
    const tally =
      format.kind === 'jsonl'
        ? await readJsonl(file, head.gzip, sink, progress.onBytes)
        : await readPayoutCsv(file, head.gzip, format.columns, sink, progress.onBytes);
    reports.push({ file, format: format.kind, gzip: head.gzip, ...tally });
  }
  sink.events.sort(compareEvents);
  return {
    ...sink,
    lines: reports.reduce((n, r) => n + r.lines, 0),
    skipped: reports.reduce((n, r) => n + r.skipped, 0),
    files: reports,
  };
}
