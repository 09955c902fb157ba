import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { FlowsentryError } from '../errors.ts';
import { ListSyncError } from './errors.ts';
import { type ListLimits, listLimits, overLimit } from './limits.ts';
import type { ListRepository } from './list-repository.ts';
import { loadListFile } from './load.ts';
import { OFAC_SOURCE } from './loaders/ofac-advanced.ts';
import { fileSha256, verifyDownload } from './sync-verify.ts';
import type { ListSnapshot, ListVersion } from './types.ts';

/** How `lists sync` fetches and checks the OFAC file. */
export interface SyncOptions {
  readonly url: string;
  readonly checksumUrl?: string;
  readonly attempts: number;
  readonly timeoutMs: number;
  readonly backoffMs: number;
  /** A folder for the download while it is checked (under FLOWSENTRY_HOME). */
  readonly workDir: string;
  readonly warn?: (message: string) => void;
  /** Told before each retry, with the reason the attempt failed. */
  readonly onRetry?: (attempt: number, reason: string) => void;
  /** Default: from the environment; the download may be at most `maxBytes` long. */
  readonly limits?: ListLimits;
}

/** What a sync did: stored and activated a new version, or found the active one current. */
export interface SyncResult {
  readonly status: 'updated' | 'unchanged';
  readonly version: ListVersion;
  readonly attempts: number;
}

/**
 * Downloads the official OFAC file, verifies it (HTTP status, complete length, optional
 * sha256, a full parse, no collapse in size) and activates it. Any failure is retried with
 * backoff; when every attempt fails the active version stays as it was.
 */
export async function syncOfac(repo: ListRepository, options: SyncOptions): Promise<SyncResult> {
  const active = await activeOfac(repo);
  let lastReason = '';
  let made = 0;
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    made = attempt;
    try {
      const snapshot = await fetchAndLoad(options, active);
      if (active && active.version.contentHash === snapshot.version.contentHash) {
        return { status: 'unchanged', version: active.version, attempts: attempt };
      }
      await repo.save(snapshot);
      return { status: 'updated', version: snapshot.version, attempts: attempt };
    } catch (e) {
      lastReason = (e as Error).message;
      // The flags decide: a file that is itself bad (poison) will be as bad next time.
      if (e instanceof FlowsentryError && e.poison) break;
      if (attempt < options.attempts) {
        options.onRetry?.(attempt, lastReason);
        await sleep(options.backoffMs * 2 ** (attempt - 1));
      }
    }
  }
  const kept = active
    ? `kept the active version ${active.version.id}`
    : 'no OFAC version is active';
  throw new ListSyncError(`lists sync failed after ${made} attempt(s): ${lastReason}; ${kept}`);
}

async function activeOfac(repo: ListRepository): Promise<ListSnapshot | undefined> {
  const id = (await repo.activeVersionIds())[OFAC_SOURCE];
  return id ? repo.get(id) : undefined;
}

async function fetchAndLoad(
  options: SyncOptions,
  active: ListSnapshot | undefined,
): Promise<ListSnapshot> {
  await mkdir(options.workDir, { recursive: true });
  const file = join(options.workDir, `ofac-${randomUUID()}.download`);
  const limits = options.limits ?? listLimits();
  try {
    await download(options.url, file, options.timeoutMs, limits);
    const expected = options.checksumUrl
      ? await fetchChecksum(options.checksumUrl, options.timeoutMs)
      : undefined;
    const snapshot = await loadListFile(file, {
      origin: [options.url],
      warn: options.warn,
      limits,
    });
    verifyDownload(snapshot, { expected, rawSha256: await fileSha256(file), active });
    return snapshot;
  } finally {
    await rm(file, { force: true });
  }
}

async function download(
  url: string,
  file: string,
  timeoutMs: number,
  limits: ListLimits,
): Promise<void> {
  const tooBig = () => overLimit(limits, 'maxBytes', url, 'the download');
  if (url.startsWith('file:')) {
    await pipeline(
      capped(createReadStream(fileURLToPath(url)), limits.maxBytes, tooBig),
      createWriteStream(file),
    );
    return;
  }
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  if (!response.ok || !response.body) throw httpError(url, response);
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  // A server announcing more than the limit is refused before a byte is written to disk.
  if (length > limits.maxBytes) throw tooBig();
  const counter = { received: 0 };
  const body = Readable.fromWeb(response.body as Parameters<typeof Readable.fromWeb>[0]);
  await pipeline(capped(body, limits.maxBytes, tooBig, counter), createWriteStream(file));
  if (Number.isFinite(length) && counter.received !== length) {
    throw new Error(`${url}: download cut short (${counter.received} of ${length} bytes)`);
  }
}

/** The chunks of a stream, stopped with `tooBig()` once they pass `max` bytes. */
async function* capped(
  source: AsyncIterable<Buffer>,
  max: number,
  tooBig: () => Error,
  counter = { received: 0 },
): AsyncIterable<Buffer> {
  for await (const chunk of source) {
    counter.received += chunk.length;
    if (counter.received > max) throw tooBig();
    yield chunk;
  }
}

/** The sha256 in a checksum file; only its first 64 KB are read (a checksum file is tiny). */
async function fetchChecksum(url: string, timeoutMs: number): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok || !response.body) throw httpError(url, response);
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    text += decoder.decode(chunk, { stream: true });
    if (text.length >= 65_536) break;
  }
  const hex = /\b[0-9a-fA-F]{64}\b/.exec(text)?.[0];
  if (!hex) throw new Error(`${url}: no sha256 in the checksum file`);
  return hex.toLowerCase();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A refusal (4xx but 408 and 429) is poison: asking again gets the same answer. */
function httpError(url: string, response: Response): FlowsentryError {
  const s = response.status;
  const retryable = s >= 500 || s === 408 || s === 429;
  return new FlowsentryError(
    'HTTP_STATUS',
    `${url}: HTTP ${s} ${response.statusText}`,
    retryable,
    !retryable,
  );
}
