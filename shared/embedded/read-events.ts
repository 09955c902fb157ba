import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { decodeEvent } from '../contract/index.ts';
import { FlowsentryError } from '../errors.ts';
import { type NormalizedEvent, normalizeEvent } from '../normalize/index.ts';

/** A line of an input file that could not be used, and why. */
export interface RejectedLine {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/** Events read from JSONL files, in time order, with the lines that were refused. */
export interface ReadResult {
  readonly events: NormalizedEvent[];
  readonly rejected: RejectedLine[];
  readonly lines: number;
}

/** Reads one JSONL file line by line (streamed: files can be large); blank lines are skipped. */
async function readFile(
  file: string,
  out: ReadResult,
  onLine?: (bytes: number) => void,
): Promise<void> {
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  for await (const text of lines) {
    n++;
    onLine?.(text.length + 1);
    if (text.trim() === '') continue;
    (out as { lines: number }).lines++;
    try {
      out.events.push(normalizeEvent(decodeEvent(text)));
    } catch (error) {
      if (!(error instanceof FlowsentryError && error.poison)) throw error;
      out.rejected.push({ file, line: n, reason: error.message });
    }
  }
}

/**
 * Reads JSONL event files for embedded mode and orders the events by time (stable, so
 * events with one timestamp keep file order), as a replay of the stream would see them.
 */
export async function readEventFiles(
  files: readonly string[],
  onProgress?: (bytes: number) => void,
): Promise<ReadResult> {
  const out: ReadResult = { events: [], rejected: [], lines: 0 };
  for (const file of files) await readFile(file, out, onProgress);
  out.events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return out;
}
