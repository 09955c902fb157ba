import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_LIST_LIMITS,
  ListSyncError,
  MemoryListRepository,
  type SyncOptions,
  syncOfac,
} from '../../shared/lists/index.ts';
import { LAZARUS } from '../fixtures/lists/parties.ts';
import { sdnAdvancedXml } from '../fixtures/lists/sdn-advanced.ts';

const F = 'test/fixtures/lists';
const GOOD = readFileSync(`${F}/sdn_advanced_small.xml.bz2`);
const GOOD_XML_SHA = createHash('sha256')
  .update(readFileSync(`${F}/sdn_advanced_small.xml`))
  .digest('hex');

/** What the test server answers next on each path: a list of responses, the last one repeated. */
const plan = new Map<string, ((res: import('node:http').ServerResponse) => void)[]>();
const hits = new Map<string, number>();
let server: Server;
let base = '';

const send =
  (body: Buffer | string, status = 200) =>
  (res: import('node:http').ServerResponse) => {
    res.writeHead(status, {
      'content-type': 'application/octet-stream',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  };
const cutShort = (body: Buffer) => (res: import('node:http').ServerResponse) => {
  res.writeHead(200, { 'content-length': body.length });
  res.write(body.subarray(0, body.length / 2));
  res.socket?.destroy();
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    const n = hits.get(path) ?? 0;
    hits.set(path, n + 1);
    const steps = plan.get(path) ?? [send('not found', 404)];
    steps[Math.min(n, steps.length - 1)]!(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function options(path: string, over: Partial<SyncOptions> = {}): SyncOptions {
  return {
    url: `${base}${path}`,
    attempts: 3,
    timeoutMs: 5_000,
    backoffMs: 0,
    workDir: mkdtempSync(join(tmpdir(), 'fs-sync-')),
    ...over,
  };
}

describe('lists sync (OFAC download)', () => {
  it('downloads, verifies and activates; a second run finds it unchanged', async () => {
    plan.set('/ok.xml.bz2', [send(GOOD)]);
    const repo = new MemoryListRepository();
    const first = await syncOfac(repo, options('/ok.xml.bz2'));
    expect(first).toMatchObject({
      status: 'updated',
      attempts: 1,
      version: { source: 'ofac-sdn', publishedAt: '2025-11-19' },
    });
    expect(first.version.origin).toEqual([`${base}/ok.xml.bz2`]);
    expect(await repo.activeVersionIds()).toEqual({ 'ofac-sdn': first.version.id });
    const second = await syncOfac(repo, options('/ok.xml.bz2'));
    expect(second).toMatchObject({ status: 'unchanged', version: { id: first.version.id } });
  });

  it('retries server errors and cut downloads, then succeeds', async () => {
    plan.set('/flaky', [send('busy', 503), cutShort(GOOD), send(GOOD)]);
    const retries: string[] = [];
    const result = await syncOfac(
      new MemoryListRepository(),
      options('/flaky', { onRetry: (_, why) => retries.push(why) }),
    );
    expect(result).toMatchObject({ status: 'updated', attempts: 3 });
    expect(retries[0]).toMatch(/HTTP 503/);
  });

  it('keeps the last good version when the download is malformed, and does not ask again for the same bad file', async () => {
    const repo = new MemoryListRepository();
    plan.set('/good', [send(GOOD)]);
    const good = await syncOfac(repo, options('/good'));
    plan.set('/broken', [send(readFileSync(`${F}/sdn_advanced_truncated.xml`))]);
    hits.delete('/broken');
    const error = await syncOfac(repo, options('/broken')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ListSyncError);
    expect((error as Error).message).toMatch(
      /after 1 attempt\(s\): .*ends early.*kept the active version/,
    );
    expect(hits.get('/broken')).toBe(1);
    expect(await repo.activeVersionIds()).toEqual({ 'ofac-sdn': good.version.id });
  });

  it('checks the published sha256 when a checksum URL is given', async () => {
    plan.set('/sum-good', [send(`SHA256(sdn_advanced.xml) = ${GOOD_XML_SHA}\n`)]);
    plan.set('/sum-bad', [send(`SHA256(sdn_advanced.xml) = ${'0'.repeat(64)}\n`)]);
    plan.set('/list', [send(GOOD)]);
    const ok = await syncOfac(
      new MemoryListRepository(),
      options('/list', { checksumUrl: `${base}/sum-good` }),
    );
    expect(ok.status).toBe('updated');
    const bad = await syncOfac(
      new MemoryListRepository(),
      options('/list', { checksumUrl: `${base}/sum-bad`, attempts: 1 }),
    ).catch((e: Error) => e);
    expect((bad as Error).message).toMatch(/checksum mismatch/);
  });

  it('refuses a well-formed file that lost most of the list, and a file that is not OFAC', async () => {
    const repo = new MemoryListRepository();
    plan.set('/full', [send(GOOD)]);
    await syncOfac(repo, options('/full'));
    plan.set('/tiny', [send(sdnAdvancedXml('2025-11-20', [LAZARUS]))]);
    const tiny = await syncOfac(repo, options('/tiny', { attempts: 1 })).catch((e: Error) => e);
    expect((tiny as Error).message).toMatch(/holds 1 entries against 7 in the active version/);
    plan.set('/yaml', [send(readFileSync(`${F}/tagpack.yaml`))]);
    const other = await syncOfac(repo, options('/yaml', { attempts: 1 })).catch((e: Error) => e);
    expect((other as Error).message).toMatch(/not OFAC's SDN list/);
  });

  it('refuses a download past the byte limit, announced or not, and keeps the active version', async () => {
    const limits = { ...DEFAULT_LIST_LIMITS, maxBytes: 1_000 };
    plan.set('/announced', [send(GOOD)]);
    const streamed = (res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(GOOD);
    };
    plan.set('/streamed', [streamed]);
    const repo = new MemoryListRepository();
    for (const path of ['/announced', '/streamed']) {
      const failure = await syncOfac(repo, options(path, { attempts: 1, limits })).catch(
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(ListSyncError);
      expect((failure as Error).message).toMatch(
        /the download exceeds the limit of 1000 \(FLOWSENTRY_LIST_MAX_BYTES; .*no OFAC version is active/,
      );
    }
    expect(await repo.activeVersionIds()).toEqual({});
  });
});
