import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { bunzipChunks } from './bunzip.ts';
import { ListFormatError } from './errors.ts';
import { capBytes, type ListLimits, listLimits } from './limits.ts';
import { zipMembers } from './zip.ts';

/** How a file is compressed, told by its magic bytes (never by its name). */
export type Compression = 'none' | 'gzip' | 'bzip2' | 'zip';

/** One decompressed input: a plain file, or one member of a zip archive. */
export interface InputPart {
  /** The path, or `archive.zip!member` for a zip member. */
  readonly name: string;
  readonly compression: Compression;
  /** The limits every reader of this input keeps to. */
  readonly limits: ListLimits;
  /** The decompressed bytes; each call reads the input again. */
  chunks(): AsyncIterable<Buffer>;
}

/** Options for decompression; `bzip2: 'js'` forces the pure-JS decoder (tests, machines without bzip2). */
export interface OpenOptions {
  readonly bzip2?: 'auto' | 'native' | 'js';
  /** Default: from the environment (FLOWSENTRY_LIST_MAX_*). */
  readonly limits?: ListLimits;
}

/** Sniffs the compression of a file from its first bytes. */
export async function sniffCompression(path: string): Promise<Compression> {
  const fh = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
    throw new ListFormatError(path, undefined, e.code === 'ENOENT' ? 'no such file' : e.message);
  });
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(4), 0, 4, 0);
    const b = buffer.subarray(0, bytesRead);
    if (b[0] === 0x1f && b[1] === 0x8b) return 'gzip';
    if (
      b.toString('latin1', 0, 3) === 'BZh' &&
      b[3] !== undefined &&
      b[3] >= 0x31 &&
      b[3] <= 0x39
    ) {
      return 'bzip2';
    }
    if (b.toString('latin1', 0, 2) === 'PK' && (b[2] === 3 || b[2] === 5)) return 'zip';
    return 'none';
  } finally {
    await fh.close();
  }
}

/** Opens a file as the inputs it holds: one for a plain, gzip or bzip2 file, one per member of a zip. */
export async function openInputParts(
  path: string,
  options: OpenOptions = {},
): Promise<InputPart[]> {
  const compression = await sniffCompression(path);
  const limits = options.limits ?? listLimits();
  const parts =
    compression === 'zip'
      ? await zipMembers(path, limits)
      : [{ name: path, compression, limits, chunks: () => decompress(path, compression, options) }];
  // Counted after decompression: the size on disk says nothing about what a file expands to.
  return parts.map((part) => ({
    ...part,
    chunks: () => capBytes(part.chunks(), part.name, limits),
  }));
}

function decompress(path: string, compression: Compression, options: OpenOptions) {
  if (compression === 'gzip') return gunzipChunks(path);
  if (compression === 'bzip2') return bunzipChunks(path, options.bzip2 ?? 'auto');
  return plainChunks(path);
}

function plainChunks(path: string): AsyncIterable<Buffer> {
  return createReadStream(path, { highWaterMark: 1 << 18 });
}

async function* gunzipChunks(path: string): AsyncIterable<Buffer> {
  const gunzip = createGunzip();
  const source = createReadStream(path, { highWaterMark: 1 << 18 });
  source.on('error', (e) => gunzip.destroy(e));
  try {
    yield* source.pipe(gunzip) as AsyncIterable<Buffer>;
  } catch (e) {
    throw new ListFormatError(path, 'gzip', `cannot decompress: ${(e as Error).message}`);
  } finally {
    source.destroy();
  }
}
