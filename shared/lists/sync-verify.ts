import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { OFAC_SOURCE } from './loaders/ofac-advanced.ts';
import type { ListSnapshot } from './types.ts';

/** A new OFAC version must keep at least this share of the active one's entries. */
export const MIN_SHARE_OF_ACTIVE = 0.5;

/** What a downloaded version is checked against. */
export interface VerifyInput {
  /** The sha256 the publisher states, if a checksum URL is configured. */
  readonly expected?: string;
  /** sha256 of the file as downloaded (before decompression). */
  readonly rawSha256: string;
  readonly active?: ListSnapshot;
}

/**
 * Checks a parsed download before it may become active: it is OFAC's list, it matches the
 * published checksum (of the XML or of the file as shipped), and it did not shrink to a
 * fraction of the active version (a well-formed but cut or wrong file).
 */
export function verifyDownload(snapshot: ListSnapshot, input: VerifyInput): void {
  const v = snapshot.version;
  if (v.source !== OFAC_SOURCE)
    throw new Error(`the download is a ${v.format ?? 'different'} list, not OFAC's SDN list`);
  if (input.expected && input.expected !== v.contentHash && input.expected !== input.rawSha256) {
    throw new Error(`checksum mismatch: expected ${input.expected}, got ${v.contentHash}`);
  }
  const before = input.active?.version.entryCount ?? 0;
  if (before > 0 && v.entryCount < before * MIN_SHARE_OF_ACTIVE) {
    throw new Error(
      `the download holds ${v.entryCount} entries against ${before} in the active version: refused`,
    );
  }
}

/** sha256 hex of a file's bytes. */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
