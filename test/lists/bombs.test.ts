import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { measuredCli } from '../fixtures/lists/measured-cli.ts';
import { zipArchive } from '../fixtures/lists/zip-writer.ts';

// Small files that expand to huge work, each fed to `flowsentry lists import` as a user
// would: every one must be answered or refused with one line within 10 s and 300 MB.
const dir = mkdtempSync(join(tmpdir(), 'fs-bombs-'));
const LAZARUS = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96';
const BUDGET = { seconds: 10, rssMb: 300 };
const home = () => ({ FLOWSENTRY_HOME: mkdtempSync(join(dir, 'home-')) });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** gzip members may be concatenated: one compressed block repeated expands without limit. */
function repeatedGzip(head: string, block: string, times: number): Buffer {
  const packed = gzipSync(block, { level: 9 });
  return Buffer.concat([gzipSync(head), ...Array.from({ length: times }, () => packed)]);
}

async function importFile(path: string, env: Record<string, string> = {}) {
  const m = await measuredCli(['lists', 'import', path], { ...home(), ...env });
  console.log(
    `${path.split('/').pop()}: exit ${m.run.code}, ${m.seconds.toFixed(2)} s, ${m.maxRssMb.toFixed(0)} MB`,
  );
  return m;
}

describe('list files that expand to huge work', () => {
  it('a 700 KB gzipped TagPack expanding to 200 MB of YAML is refused at the YAML limit', async () => {
    const tag = `- address: ${LAZARUS}\n  currency: ETH\n`;
    const gz = repeatedGzip('title: bomb\ncreator: x\nlabel: x\ntags:\n', tag.repeat(100_000), 28);
    const path = join(dir, 'tagpack.yaml.gz');
    writeFileSync(path, gz);
    expect(gz.length).toBeLessThan(1_000_000);
    const m = await importFile(path);
    expect(m.run.code).toBe(2);
    expect(m.stderr.trim()).toBe(
      `flowsentry: ${path}: the YAML text exceeds the limit of 2097152 (FLOWSENTRY_LIST_MAX_YAML_BYTES; raise it if the file is genuine)`,
    );
    expect(m.seconds).toBeLessThan(BUDGET.seconds);
    expect(m.maxRssMb).toBeLessThan(BUDGET.rssMb);
  }, 60_000);

  it('a gzipped OpenSanctions file with one 64 MB line is refused at the line limit', async () => {
    const wallet = {
      id: 'w1',
      schema: 'CryptoWallet',
      properties: { publicKey: [LAZARUS], currency: ['ETH'] },
    };
    const huge = `{"id":"p1","schema":"Person","properties":{"name":["${'x'.repeat(64 << 20)}"]}}`;
    const path = join(dir, 'opensanctions.jsonl.gz');
    writeFileSync(path, gzipSync(`${JSON.stringify(wallet)}\n${huge}\n`, { level: 9 }));
    const m = await importFile(path);
    expect(m.run.code).toBe(2);
    expect(m.stderr.trim()).toBe(
      `flowsentry: ${path} (line 2): the line length exceeds the limit of 8388608 (FLOWSENTRY_LIST_MAX_LINE_CHARS; raise it if the file is genuine)`,
    );
    expect(m.seconds).toBeLessThan(BUDGET.seconds);
    expect(m.maxRssMb).toBeLessThan(BUDGET.rssMb);
  }, 60_000);

  it('a zip of 2,000 members is refused from its directory, before any member is read', async () => {
    const members = Array.from({ length: 2_000 }, (_, i) => ({
      name: `list-${i}.csv`,
      content: `address,chain,label\n0x${i.toString(16).padStart(40, '0')},ethereum,L${i}\n`,
    }));
    const path = join(dir, 'many.zip');
    writeFileSync(path, zipArchive(members));
    const m = await importFile(path);
    expect(m.run.code).toBe(2);
    expect(m.stderr.trim()).toBe(
      `flowsentry: ${path}: the number of files (2000 records) exceeds the limit of 100 (FLOWSENTRY_LIST_MAX_ZIP_MEMBERS; raise it if the file is genuine)`,
    );
    expect(m.seconds).toBeLessThan(BUDGET.seconds);
    expect(m.maxRssMb).toBeLessThan(BUDGET.rssMb);
  }, 60_000);

  it('a 200 MB ransomwhere export is streamed: every family loaded in bounded memory', async () => {
    const path = join(dir, 'ransomwhere.json');
    await writeRansomwhere(path, 38_000);
    expect(statSync(path).size).toBeGreaterThan(200_000_000);
    const m = await importFile(path);
    expect(m.run.code, m.stderr).toBe(0);
    expect(m.run.stdout).toMatch(
      /^imported ransomwhere@2024-01-16#\w+: 10 entries, 38000 addresses/,
    );
    expect(m.seconds).toBeLessThan(BUDGET.seconds);
    expect(m.maxRssMb).toBeLessThan(BUDGET.rssMb);
  }, 120_000);
});

/** An export shaped like ransomwhe.re's: each address with its payments, 8 KB a record. */
async function writeRansomwhere(path: string, records: number): Promise<void> {
  const out = createWriteStream(path);
  const payments = JSON.stringify(
    Array.from({ length: 50 }, (_, i) => ({
      hash: `${i.toString(16).padStart(4, '0')}${'ab'.repeat(30)}`,
      time: 1_600_000_000 + i,
      amount: 123_456_789,
      amountUSD: 1234.56,
    })),
  );
  out.write('{"result":[');
  for (let i = 0; i < records; i++) {
    const address = `0x${(i + 1).toString(16).padStart(40, '0')}`;
    const record = `{"address":"${address}","balance":0,"blockchain":"ethereum","createdAt":"2020-01-01","updatedAt":"2024-01-16T00:00:00.000Z","family":"Family ${i % 10}","transactions":${payments}}`;
    if (!out.write(i ? `,${record}` : record)) await once(out, 'drain');
  }
  out.end(']}');
  await once(out, 'finish');
}
