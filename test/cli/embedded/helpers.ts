import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable, Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { type EventFileLimits, runScan } from '../../../services/cli/embedded/index.ts';

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

/** A scan's JSON alert lines and summary, with the given reader limits. */
export async function scan(
  events: string[],
  lists: readonly string[],
  limits: EventFileLimits,
  stdin?: Readable,
) {
  let out = '';
  let err = '';
  const sink = (add: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        add(String(chunk));
        done();
      },
    });
  const code = await runScan(
    { events, lists, format: 'json', strict: true, limits },
    {
      stdout: sink((s) => (out += s)),
      stderr: sink((s) => (err += s)),
      env: {},
      ...(stdin ? { stdin } : {}),
    },
  );
  const refused = err.split('\n').filter((l) => l.includes('.jsonl:') || l.includes(' -:'));
  // The summary line without its duration.
  const summary = err
    .split('\n')
    .find((l) => l.includes(' events from '))
    ?.replace(/ in [0-9.]+ s$/, '');
  return { code, out, refused, summary };
}
