import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../shared/lists/index.ts';
import { runCli } from '../fixtures/lists/run-cli.ts';
import { unique } from '../helpers/fixtures.ts';

const F = 'test/fixtures/lists';
const SIM = '0x4F47Bc496083C727c5fbe3CE9CDf2B0f6496270c';
const CLEAN = '0x1111111111111111111111111111111111111111';
const home = () => ({ FLOWSENTRY_HOME: mkdtempSync(join(tmpdir(), 'fs-check-')) });

describe('flowsentry check', () => {
  it('prints one JSON line per address and exits 1 when something hit', async () => {
    const run = await runCli(['check', '--lists', `${F}/sdn_advanced_small.xml`, SIM, CLEAN], {
      env: home(),
    });
    expect(run.code).toBe(1);
    const [hit, clean] = run.json<CheckResult>();
    expect(hit).toMatchObject({ address: SIM, chain: 'ethereum', hit: true });
    expect(hit!.matches[0]).toMatchObject({
      source: 'ofac-sdn',
      entryId: '42498',
      name: 'Sim, Hyon Sop',
      programs: ['NPWMD'],
    });
    expect(hit!.matches[0]!.listVersion).toMatch(/^ofac-sdn@2025-11-19#[0-9a-f]{12}$/);
    expect(clean).toEqual({ address: CLEAN, chain: 'ethereum', hit: false, matches: [] });
  });

  it('exits 0 when nothing hit, and reads addresses from stdin with -', async () => {
    expect(
      (await runCli(['check', '--json', '--lists', `${F}/tagpack.yaml`, CLEAN], { env: home() }))
        .code,
    ).toBe(0);
    const stdin = `# screened before payout\n${SIM.toLowerCase()}\n\nTA3941uFAvmVibSkQ6fMJXxmaSNovX86mz\n${CLEAN}\n`;
    const run = await runCli(['check', '--lists', `${F}/sdn_advanced_small.xml`, '-'], {
      env: home(),
      stdin,
    });
    expect(run.code).toBe(1);
    expect(run.json<CheckResult>().map((r) => [r.chain, r.hit])).toEqual([
      ['ethereum', true],
      ['tron', true],
      ['ethereum', false],
    ]);
  });

  it('exits 2 on a bad address (naming the stdin line), on no address, and with no list loaded', async () => {
    const bad = await runCli(['check', '--lists', `${F}/sdn_advanced_small.xml`, '-'], {
      env: home(),
      stdin: `${SIM}\n0x1234\n`,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/stdin line 2: invalid .*"0x1234"/);
    expect(bad.json()).toHaveLength(1);
    const none = await runCli(['check', '--lists', `${F}/sdn_advanced_small.xml`], { env: home() });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give at least one address/);
    const empty = await runCli(['check', SIM], { env: home() });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no list is loaded/);
    const missing = await runCli(['check', '--lists', 'nope/list.xml', SIM], { env: home() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such list file: nope\/list\.xml/);
  });

  it('exits 2 with the reason for a malformed address even when the list holds EVM and Litecoin rows', async () => {
    const inputs = [
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5',
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh',
      'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7',
      'TBATDh41qMQ1yeVYecneEvhpfayYmkAQWx',
      'hello-this-is-not-an-address-at-all',
      'LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb',
    ];
    const run = await runCli(['check', '--lists', `${F}/plain.csv`, '-'], {
      env: home(),
      stdin: `${inputs.join('\n')}\n`,
    });
    expect(run.code).toBe(2);
    const reasons = run.stderr.trim().split('\n');
    expect(reasons).toHaveLength(5);
    expect(reasons[0]).toMatch(/stdin line 1: invalid bitcoin address .*checksum/);
    expect(reasons[1]).toMatch(/version 0 needs a bech32 checksum, not bech32m/);
    expect(reasons[2]).toMatch(/test-network address/);
    expect(reasons[3]).toMatch(/invalid tron address/);
    expect(reasons[4]).toMatch(/not an address of any known chain/);
    expect(run.json<CheckResult>()).toMatchObject([{ chain: 'litecoin', hit: true }]);
  });

  it('escapes terminal controls from a list entry in its JSON, and the JSON still reads back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fs-check-c1-'));
    const list = join(dir, 'labels.csv');
    const label = 'Collector \u009b31m\u202eA';
    writeFileSync(
      list,
      `address,chain,label,category,source\n${CLEAN},ethereum,${label},collector,case-7\n`,
    );
    const run = await runCli(['check', '--json', '--lists', list, CLEAN], { env: home() });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
    expect(run.stdout).toContain('\\u009b');
    expect(run.json<CheckResult>()[0]!.matches[0]!.name).toBe(label);
  });

  it('without --lists uses the active versions on disk (embedded mode)', async () => {
    const env = home();
    expect(
      (await runCli(['lists', 'import', `${F}/sdn_advanced_small.xml.bz2`], { env })).code,
    ).toBe(0);
    const run = await runCli(['check', SIM.toUpperCase().replace('0X', '0x'), CLEAN], { env });
    expect(run.code).toBe(1);
    expect(run.json<CheckResult>().map((r) => r.hit)).toEqual([true, false]);
  });

  describe('with Redis', () => {
    const prefix = unique('fs-check-test');
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    afterAll(async () => {
      const redis = new Redis(redisUrl);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    });

    it('uses the active versions in Redis with --redis or FLOWSENTRY_LISTS=redis', async () => {
      const env = { ...home(), FLOWSENTRY_REDIS_PREFIX: prefix };
      expect(
        (await runCli(['lists', 'import', '--redis', `${F}/tagpack.yaml`], { env })).code,
      ).toBe(0);
      expect((await runCli(['check', '--redis', SIM], { env })).code).toBe(0);
      expect(
        (
          await runCli(['check', '0x098b716b8aaf21512996dc57eb0615e2383e2f96'], {
            env: { ...env, FLOWSENTRY_LISTS: 'redis' },
          })
        ).code,
      ).toBe(1);
      // The embedded store under the same home holds nothing.
      expect((await runCli(['check', SIM], { env })).code).toBe(2);
    });
  });
});

const DATA = resolve('..', 'shared', 'data');
if (!existsSync(DATA))
  console.warn(`real-data check test skipped: ${DATA} does not exist on this machine`);

describe.skipIf(!existsSync(DATA))('flowsentry check on the full 2025-11-19 OFAC list', () => {
  it('hits every one of the 745 addresses, whatever the letter case of the 0x form', async () => {
    const env = home();
    const imported = await runCli(
      ['lists', 'import', `${DATA}/ofac/sdn_advanced_2025-11-19.xml.bz2`],
      { env },
    );
    expect(imported.stdout).toMatch(
      /imported ofac-sdn@2025-11-19#36c517bd264d: \d+ entries, 745 addresses/,
    );
    const rows = parse(
      readFileSync(`${DATA}/ofac/ofac_sdn_advanced_2025-11-19_digital_currency_addresses.csv`),
      { columns: true },
    ) as {
      address: string;
    }[];
    const distinct = [...new Set(rows.map((r) => r.address))];
    const inputs = distinct.flatMap((a) =>
      /^0x/i.test(a) ? [a, a.toLowerCase(), `0x${a.slice(2).toUpperCase()}`] : [a],
    );
    const run = await runCli(['check', '-'], { env, stdin: `${inputs.join('\n')}\n` });
    expect(run.code).toBe(1);
    const results = run.json<CheckResult>();
    expect(results).toHaveLength(inputs.length);
    expect(results.filter((r) => !r.hit).map((r) => r.address)).toEqual([]);
  }, 60_000);
});
