import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListVersion, SnapshotDiff } from '../../shared/lists/index.ts';
import { LAZARUS } from '../fixtures/lists/parties.ts';
import { runCli } from '../fixtures/lists/run-cli.ts';
import { sdnAdvancedXml } from '../fixtures/lists/sdn-advanced.ts';
import { standInAddresses, tornadoLists, tornadoParty } from '../fixtures/lists/tornado.ts';

const F = 'test/fixtures/lists';
const tempDir = () => mkdtempSync(join(tmpdir(), 'fs-lists-'));
const home = () => ({ FLOWSENTRY_HOME: tempDir() });

describe('flowsentry lists import and stats', () => {
  it('imports files of every format as versions, detected by content', async () => {
    const env = home();
    const text = await runCli(['lists', 'import', `${F}/sdn_advanced_small.xml`], { env });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^imported ofac-sdn@2025-11-19#[0-9a-f]{12}: 7 entries, 11 addresses \(ofac-advanced-xml\) - active\n$/,
    );
    const files = [
      `${F}/tagpack.yaml`,
      `${F}/plain.csv.gz`,
      `${F}/ransomwhere.json`,
      `${F}/opensanctions.ftm.jsonl`,
      `${F}/ofac_csv_set.zip`,
    ];
    const run = await runCli(['lists', 'import', '--json', ...files], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: .*ransomwhere\.json: entry Maui/);
    const out = run.json<{ version: ListVersion; state: string; removedAddresses?: number }>();
    expect(out.map((o) => o.version.source)).toEqual([
      'graphsense:tagpack',
      'csv:plain',
      'ransomwhere',
      'opensanctions:opensanctions.ftm',
      'ofac-sdn',
    ]);
    expect(out[4]).toMatchObject({ state: 'active', removedAddresses: 8 });
    const stats = (await runCli(['lists', 'stats', '--json'], { env })).json<{
      source: string;
      byChain: Record<string, number>;
    }>();
    expect(stats.map((s) => s.source).sort()).toEqual([
      'csv:plain',
      'graphsense:tagpack',
      'ofac-sdn',
      'opensanctions:opensanctions.ftm',
      'ransomwhere',
    ]);
    expect((await runCli(['lists', 'stats'], { env })).stdout).toMatch(
      /addresses \d+: ethereum \d+/,
    );
  });

  it('refuses a truncated or unknown file with one line naming it, and leaves the active versions alone', async () => {
    const env = home();
    await runCli(['lists', 'import', `${F}/sdn_advanced_small.xml`], { env });
    const before = (await runCli(['lists', 'versions', '--json'], { env })).stdout;
    const cut = await runCli(
      ['lists', 'import', `${F}/tagpack.yaml`, `${F}/sdn_advanced_truncated.xml`],
      { env },
    );
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(
      /^flowsentry: test\/fixtures\/lists\/sdn_advanced_truncated\.xml \(line \d+, column \d+\): the file ends early/,
    );
    expect(cut.stderr.trim().split('\n')).toHaveLength(1);
    const unknown = await runCli(['lists', 'import', `${F}/parties.ts`], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/parties\.ts \(first bytes\): unknown list format/);
    expect((await runCli(['lists', 'versions', '--json'], { env })).stdout).toBe(before);
  });
});

describe('flowsentry lists diff, delisting and rollback (Tornado Cash, March 2025)', () => {
  it('shows the 90 removed ETH addresses, and a removed address stops matching', async () => {
    const env = home();
    const dir = tempDir();
    const { before, after } = tornadoLists();
    writeFileSync(join(dir, 'sdn-2025-03-04.xml'), before);
    writeFileSync(join(dir, 'sdn-2025-03-21.xml'), after);
    const files = await runCli(
      ['lists', 'diff', '--json', join(dir, 'sdn-2025-03-04.xml'), join(dir, 'sdn-2025-03-21.xml')],
      { env },
    );
    const d = files.json<SnapshotDiff>()[0]!;
    expect(d.removedAddresses).toHaveLength(90);
    expect(d.removedAddresses.every((a) => a.chain === 'ethereum' && a.entryId === '39796')).toBe(
      true,
    );
    expect(d.removedEntries).toEqual([{ entryId: '39796', name: 'TORNADO CASH', kind: 'entity' }]);

    const tornado = standInAddresses()[7]!;
    const withTornado = (
      await runCli(['lists', 'import', '--json', join(dir, 'sdn-2025-03-04.xml')], { env })
    ).json<{ version: ListVersion }>()[0]!;
    expect((await runCli(['check', tornado], { env })).code).toBe(1);
    const delisted = await runCli(['lists', 'import', join(dir, 'sdn-2025-03-21.xml')], { env });
    expect(delisted.stdout).toMatch(/\+0\/-90 addresses vs ofac-sdn@2025-03-04/);
    expect((await runCli(['check', tornado], { env })).code).toBe(0);

    const text = await runCli(['lists', 'diff', withTornado.version.id, 'ofac-sdn'], { env });
    expect(text.stdout).toMatch(/addresses: \+0 -90/);
    expect(text.stdout).toMatch(/removed entries:\n {2}- 39796 TORNADO CASH \(entity\)/);
    expect((await runCli(['lists', 'activate', withTornado.version.id], { env })).code).toBe(0);
    expect((await runCli(['check', tornado], { env })).code).toBe(1);
  });
});

describe('flowsentry lists sync', () => {
  let server: Server;
  let base = '';
  let broken = false;
  beforeAll(async () => {
    const good = readFileSync(`${F}/sdn_advanced_small.xml.bz2`);
    const cut = readFileSync(`${F}/sdn_advanced_truncated.xml`);
    server = createServer((_req, res) => res.end(broken ? cut : good));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('downloads from FLOWSENTRY_OFAC_URL, and keeps the last good version when the file is malformed', async () => {
    const env = {
      ...home(),
      FLOWSENTRY_OFAC_URL: `${base}/SDN_ADVANCED.XML`,
      FLOWSENTRY_SYNC_ATTEMPTS: '2',
      FLOWSENTRY_SYNC_BACKOFF_MS: '0',
    };
    const ok = await runCli(['lists', 'sync'], { env });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^synced ofac-sdn@2025-11-19#[0-9a-f]{12}: 7 entries, 11 addresses/);
    expect((await runCli(['lists', 'sync'], { env })).stdout).toMatch(
      /^unchanged ofac-sdn@2025-11-19/,
    );
    broken = true;
    const bad = await runCli(['lists', 'sync'], { env });
    expect(bad.code).toBe(1);
    // A malformed file is poison: refused at once, not fetched again.
    expect(bad.stderr).toMatch(/after 1 attempt\(s\): .*ends early/);
    expect(bad.stderr).not.toMatch(/retrying/);
    expect(bad.stderr).toMatch(
      /lists sync failed after 1 attempt\(s\).*kept the active version ofac-sdn@2025-11-19/,
    );
    expect(
      (await runCli(['check', '0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c'], { env })).code,
    ).toBe(1);
    const badConfig = await runCli(['lists', 'sync'], {
      env: { ...env, FLOWSENTRY_SYNC_ATTEMPTS: 'many' },
    });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/FLOWSENTRY_SYNC_ATTEMPTS=.* must be an integer/);
  });
});

const DATA = resolve('..', 'shared', 'data');
if (!existsSync(DATA))
  console.warn(`real-data lists diff test skipped: ${DATA} does not exist on this machine`);

describe.skipIf(!existsSync(DATA))(
  'flowsentry lists diff on the real Tornado Cash addresses',
  () => {
    it('a list holding Tornado Cash against the 2025-11-19 file: the 90 removed ETH addresses', async () => {
      const rows = parse(
        readFileSync(`${DATA}/labels/curated_dprk_mixers_exchanges_addresses.csv`),
        { columns: true },
      ) as {
        address: string;
        sdn_profile_id: string;
      }[];
      const tornado = rows.filter((r) => r.sdn_profile_id === '39796').map((r) => r.address);
      const file = join(tempDir(), 'sdn-2025-03-04.xml');
      writeFileSync(file, sdnAdvancedXml('2025-03-04', [LAZARUS, tornadoParty(tornado)]));
      const run = await runCli(
        ['lists', 'diff', '--json', file, `${DATA}/ofac/sdn_advanced_2025-11-19.xml.bz2`],
        { env: home() },
      );
      const d = run.json<SnapshotDiff>()[0]!;
      expect(d.removedAddresses).toHaveLength(90);
      expect(new Set(d.removedAddresses.map((a) => a.chain))).toEqual(new Set(['ethereum']));
      expect(d.removedAddresses.map((a) => a.address.toLowerCase()).sort()).toEqual(
        tornado.map((a) => a.toLowerCase()).sort(),
      );
    }, 60_000);
  },
);
