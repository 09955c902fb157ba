import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ListFormatError } from './errors.ts';

/**
 * bzip2 decompression. The system `bzip2` takes about 1 s for the 121 MB OFAC file; without
 * it, a pure-JS decoder (unbzip2-stream) runs on a worker thread, beside the parser, with a
 * small heap so its garbage is collected early (alone it peaks near 300 MB).
 */
export function bunzipChunks(path: string, mode: 'auto' | 'native' | 'js'): AsyncIterable<Buffer> {
  const native = mode === 'native' || (mode === 'auto' && hasBzip2());
  return native ? nativeBunzip(path) : workerBunzip(path);
}

let bzip2Found: boolean | undefined;

function hasBzip2(): boolean {
  bzip2Found ??= (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, 'bzip2'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  return bzip2Found;
}

async function* nativeBunzip(path: string): AsyncIterable<Buffer> {
  const child = spawn('bzip2', ['-dc', path], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  try {
    yield* child.stdout as AsyncIterable<Buffer>;
    const code = await exited;
    if (code !== 0) throw new ListFormatError(path, 'bzip2', bzip2Reason(stderr, code));
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

function bzip2Reason(stderr: string, code: number | null): string {
  const line = stderr.split('\n').find((l) => /ends unexpectedly|corrupt|CRC|not a bzip2/i.test(l));
  const text = line ?? stderr.split('\n')[0] ?? `exit ${code}`;
  return `cannot decompress: ${text.replace(/^bzip2:\s*/, '').trim()}`;
}

/** Chunks from the worker, and what ended it; the worker waits for credits (backpressure). */
class WorkerQueue {
  readonly chunks: Uint8Array[] = [];
  done = false;
  failure: string | undefined;
  private wake: (() => void) | undefined;

  take(message: unknown): void {
    if (message instanceof Uint8Array) this.chunks.push(message);
    else if (message === 'end') this.done = true;
    else this.failure = String((message as { error?: unknown })?.error ?? message);
    this.notify();
  }

  fail(reason: string): void {
    this.failure ??= reason;
    this.notify();
  }

  wait(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

async function* workerBunzip(path: string): AsyncIterable<Buffer> {
  const worker = new Worker(new URL('./bunzip-worker.mjs', import.meta.url), {
    workerData: { path },
    resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
  });
  const queue = new WorkerQueue();
  worker.on('message', (m: unknown) => queue.take(m));
  worker.on('error', (e) => queue.fail(e.message));
  worker.on('exit', () => queue.fail('the decoder stopped early'));
  try {
    while (true) {
      const chunk = queue.chunks.shift();
      if (chunk) {
        worker.postMessage('more');
        yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      } else if (queue.done) return;
      else if (queue.failure !== undefined) {
        // The JS decoder fails with internal errors (an undefined table) on cut input: say what it means.
        throw new ListFormatError(
          path,
          'bzip2',
          'cannot decompress: the bzip2 data is truncated or corrupt',
        );
      } else await queue.wait();
    }
  } finally {
    await worker.terminate();
  }
}
