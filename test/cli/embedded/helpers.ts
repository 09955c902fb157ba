import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A fresh temporary directory for one test file's inputs. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `fs-${prefix}-`));
}

/** Writes `text` (gzipped when asked) into `dir` and returns the path. */
export function writeInput(dir: string, name: string, text: string, gzip = false): string {
  const path = join(dir, name);
  writeFileSync(path, gzip ? gzipSync(text) : text);
  return path;
}

/** A valid `payout.executed` envelope as one JSONL line. */
export function payoutLine(
  id: string,
  occurredAt: string,
  toAddress = '0x1111111111111111111111111111111111111111',
): string {
  return JSON.stringify({
    type: 'payout.executed',
    schemaVersion: 1,
    id,
    occurredAt,
    source: 'test',
    data: {
      payoutId: `po-${id}`,
      workerId: 'w-1',
      amount: '100.00',
      asset: 'USDC',
      chain: 'ethereum',
      toAddress,
    },
  });
}
