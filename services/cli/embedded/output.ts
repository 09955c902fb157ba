import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { InputFileError } from './errors.ts';

/** Where a command's result goes: a file (--out) or stdout, written with backpressure. */
export interface Output {
  write(text: string): Promise<void>;
  /** Flushes and closes a file; leaves stdout open. */
  end(): Promise<void>;
}

/**
 * A reader closing the pipe early (`flowsentry scan ... | head`) is not an error worth a
 * stack trace: the command stops quietly, as Unix tools do ('exit'), or carries on with
 * its other work, such as writing a report file ('ignore').
 */
export function quietOnClosedPipe(stream: Writable, then: 'exit' | 'ignore' = 'exit'): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    const closed = error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED';
    if (!closed) throw error;
    if (then === 'exit') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

async function writeTo(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** Opens --out (created or truncated) or stdout; a file that cannot be created is refused in one line. */
export async function openOutput(path: string | undefined, stdout: Writable): Promise<Output> {
  if (path === undefined || path === '-')
    return { write: (t) => writeTo(stdout, t), end: async () => {} };
  const file = createWriteStream(path);
  await new Promise<void>((resolve, reject) => {
    file.once('open', () => resolve());
    file.once('error', (e) => reject(new InputFileError(path, `cannot write: ${e.message}`)));
  });
  return {
    write: (t) => writeTo(file, t),
    end: () =>
      new Promise((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve()))),
  };
}
