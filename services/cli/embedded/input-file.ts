import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { constants, createGunzip, gunzipSync } from 'node:zlib';
import { InputFileError } from './errors.ts';

/** Bytes read ahead to tell the format: a long CSV header fits many times over. */
const HEAD_BYTES = 16 * 1024;

/** The start of an input file, decompressed, for telling its format. */
export interface InputHead {
  readonly gzip: boolean;
  /** The first bytes as text, a byte-order mark dropped. */
  readonly text: string;
  /** Size on disk, for the progress bar. */
  readonly size: number;
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}

/** Reads the head of a file (gunzipped when it starts with the gzip magic bytes). */
export async function readHead(file: string): Promise<InputHead> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new InputFileError(file, reasonOf(error));
  }
  try {
    const size = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0).catch((error) => {
      throw new InputFileError(file, reasonOf(error));
    });
    const raw = buffer.subarray(0, bytesRead);
    const gzip = raw[0] === 0x1f && raw[1] === 0x8b;
    return { gzip, text: decodeHead(file, raw, gzip), size };
  } finally {
    await handle.close();
  }
}

function decodeHead(file: string, raw: Buffer, gzip: boolean): string {
  let bytes = raw;
  if (gzip) {
    try {
      // A cut-off gzip stream: sync flush inflates what is there instead of failing.
      bytes = gunzipSync(raw, { finishFlush: constants.Z_SYNC_FLUSH });
    } catch (error) {
      throw new InputFileError(file, `not a readable gzip file: ${(error as Error).message}`);
    }
  }
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** The whole file as UTF-8 text, gunzipped when needed; `onBytes` counts bytes read from disk. */
export function openText(file: string, gzip: boolean, onBytes?: (n: number) => void): Readable {
  const raw = createReadStream(file);
  if (onBytes) raw.on('data', (chunk) => onBytes(chunk.length));
  if (!gzip) return raw.setEncoding('utf8');
  // pipeline forwards a read or inflate error to the gunzip stream the caller iterates.
  return pipeline(raw, createGunzip(), () => {}).setEncoding('utf8');
}

/**
 * The whole file as bytes (gunzipped when needed), for the line splitter, read `chunkBytes`
 * at a time; `onBytes` counts bytes read from disk.
 */
export function openBytes(
  file: string,
  gzip: boolean,
  onBytes?: (n: number) => void,
  chunkBytes = 1 << 20,
): Readable {
  const raw = createReadStream(file, { highWaterMark: chunkBytes });
  if (onBytes) raw.on('data', (chunk) => onBytes(chunk.length));
  if (!gzip) return raw;
  return pipeline(raw, createGunzip(), () => {});
}

/**
 * Standard input (`--events -`) with its head told like a file's: the first chunk is read,
 * looked at (gzip or not, JSONL or CSV) and handed on first, so nothing is lost.
 */
export async function openStdin(
  stdin: Readable,
): Promise<{ head: InputHead; open: (onBytes?: (n: number) => void) => Readable }> {
  const chunks = (stdin as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  let first: Buffer;
  try {
    const next = await chunks.next();
    first = next.done ? Buffer.alloc(0) : asBuffer(next.value);
  } catch (error) {
    throw new InputFileError('-', (error as Error).message);
  }
  const gzip = first[0] === 0x1f && first[1] === 0x8b;
  const head = { gzip, text: decodeHead('-', first.subarray(0, HEAD_BYTES), gzip), size: 0 };
  async function* all(onBytes?: (n: number) => void): AsyncGenerator<Buffer> {
    onBytes?.(first.length);
    if (first.length > 0) yield first;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      const chunk = asBuffer(next.value);
      onBytes?.(chunk.length);
      yield chunk;
    }
  }
  const open = (onBytes?: (n: number) => void) => {
    const bytes = Readable.from(all(onBytes), { objectMode: false });
    return gzip ? pipeline(bytes, createGunzip(), () => {}) : bytes;
  };
  return { head, open };
}

const asBuffer = (chunk: Buffer | string) =>
  typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
