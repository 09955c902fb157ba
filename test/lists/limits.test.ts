import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_LIST_LIMITS,
  type ListLimits,
  listLimits,
  listStats,
  loadListFile,
  loadListFiles,
} from '../../shared/lists/index.ts';
import { openInputParts } from '../../shared/lists/open-input.ts';
import { peekInput, readLines } from '../../shared/lists/peek.ts';
import { runCli } from '../fixtures/lists/run-cli.ts';
import { zipArchive } from '../fixtures/lists/zip-writer.ts';

const F = 'test/fixtures/lists';
const dir = mkdtempSync(join(tmpdir(), 'fs-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const temp = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const limits = (over: Partial<ListLimits>): ListLimits => ({ ...DEFAULT_LIST_LIMITS, ...over });

async function refusal(paths: string | string[], over: Partial<ListLimits> = {}) {
  try {
    await loadListFiles([paths].flat(), { limits: limits(over) });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the load to be refused');
}

describe('list limits', () => {
  it('have documented defaults, read from the environment', () => {
    expect(listLimits({})).toEqual({
      maxBytes: 1_073_741_824,
      maxYamlBytes: 2_097_152,
      maxLineChars: 8_388_608,
      maxEntries: 2_000_000,
      maxZipMembers: 100,
    });
    expect(listLimits({ FLOWSENTRY_LIST_MAX_ENTRIES: '10' }).maxEntries).toBe(10);
    expect(() => listLimits({ FLOWSENTRY_LIST_MAX_BYTES: '1GB' })).toThrow(
      /^FLOWSENTRY_LIST_MAX_BYTES="1GB" must be an integer/,
    );
  });

  it('stop every format at the entry limit with one line naming the variable', async () => {
    const files = [
      'plain.csv',
      'sdn.xml',
      'opensanctions.ftm.jsonl',
      'tagpack.yaml',
      'ransomwhere.json',
      'sdn_advanced_small.xml',
    ];
    for (const file of files) {
      expect(await refusal(`${F}/${file}`, { maxEntries: 2 })).toMatch(
        new RegExp(
          `^${F}/${file}( \\([^)]+\\))?: the number of (entries|tags \\(\\d+\\)) exceeds the limit of 2 \\(FLOWSENTRY_LIST_MAX_ENTRIES; raise it if the file is genuine\\)$`,
        ),
      );
    }
    expect(await refusal([`${F}/sdn.csv`, `${F}/alt.csv`], { maxEntries: 2 })).toMatch(
      /FLOWSENTRY_LIST_MAX_ENTRIES/,
    );
  });

  it('count decompressed bytes, not the size on disk', async () => {
    expect(await refusal(`${F}/plain.csv.gz`, { maxBytes: 100 })).toBe(
      `${F}/plain.csv.gz: the decompressed content exceeds the limit of 100 (FLOWSENTRY_LIST_MAX_BYTES; raise it if the file is genuine)`,
    );
  });

  it('stop a bzip2 stream at the byte limit, with the system decoder or the JS one', async () => {
    for (const bzip2 of ['js', 'auto'] as const) {
      const failure = await loadListFiles([`${F}/sdn_advanced_small.xml.bz2`], {
        bzip2,
        limits: limits({ maxBytes: 1000 }),
      }).catch((e: unknown) => e);
      expect((failure as Error).message).toMatch(
        /sdn_advanced_small\.xml\.bz2: the decompressed content exceeds the limit of 1000 \(FLOWSENTRY_LIST_MAX_BYTES/,
      );
    }
  });

  it('refuse a zip member whose stated size is over the limit before inflating it', async () => {
    const zip = temp('big-member.zip', zipArchive([{ name: 'a.csv', content: 'x'.repeat(5000) }]));
    expect(await refusal(zip, { maxBytes: 1000 })).toMatch(
      /big-member\.zip!a\.csv: the stated size exceeds the limit of 1000 \(FLOWSENTRY_LIST_MAX_BYTES/,
    );
  });

  it('refuse an XML text run longer than the line limit', async () => {
    const xml = readFileSync(`${F}/sdn.xml`, 'utf8').replace(
      '<sdnEntry>',
      `<sdnEntry><remarks>${'r'.repeat(3_000_000)}</remarks>`,
    );
    expect(await refusal(temp('long.xml', xml), { maxLineChars: 1_000_000 })).toMatch(
      /long\.xml \(line \d+\): a run of text without markup exceeds the limit of 1000000 \(FLOWSENTRY_LIST_MAX_LINE_CHARS/,
    );
  });

  it('refuse a CSV record longer than the line limit', async () => {
    const csv = temp(
      'long.csv',
      `address,chain,label\n0x${'1'.repeat(40)},ethereum,${'L'.repeat(5000)}\n`,
    );
    expect(await refusal(csv, { maxLineChars: 1000 })).toMatch(
      /long\.csv \(line \d+\): the record length exceeds the limit of 1000 \(FLOWSENTRY_LIST_MAX_LINE_CHARS/,
    );
  });
});

describe('linear-time reading', () => {
  /** An input of `total` characters in 256 KB chunks, as a decompressor hands them over. */
  async function input(text: string, over: Partial<ListLimits>) {
    const chunk = 1 << 18;
    return peekInput({
      name: 'mem',
      compression: 'none',
      limits: limits(over),
      async *chunks() {
        for (let at = 0; at < text.length; at += chunk)
          yield Buffer.from(text.slice(at, at + chunk));
      },
    });
  }

  it('splits a 64 MB line arriving in 256 chunks in linear time', async () => {
    const long = 'x'.repeat(64 << 20);
    const lines: number[] = [];
    const start = performance.now();
    for await (const { line } of readLines(
      await input(`a\r\n${long}\nb`, { maxLineChars: 1 << 27 }),
    ))
      lines.push(line.length);
    expect(performance.now() - start).toBeLessThan(3_000);
    expect(lines).toEqual([1, 64 << 20, 1]);
  });

  it('stops at the first line past the limit, naming it', async () => {
    const text = `first\n${'y'.repeat(3 << 20)}\nlast\n`;
    const read = async () => {
      for await (const _ of readLines(await input(text, { maxLineChars: 1 << 20 }))) {
      }
    };
    await expect(read()).rejects.toThrow(
      'mem (line 2): the line length exceeds the limit of 1048576 (FLOWSENTRY_LIST_MAX_LINE_CHARS',
    );
  });

  it('reads every member of a 2,000-member zip without walking the archive again', async () => {
    const members = Array.from({ length: 2_000 }, (_, i) => ({
      name: `m-${i}.csv`,
      content: `address,chain\n0x${i.toString(16).padStart(40, '0')},ethereum\n`,
    }));
    const zip = temp('many.zip', zipArchive(members));
    const start = performance.now();
    const parts = await openInputParts(zip, { limits: limits({ maxZipMembers: 5_000 }) });
    let bytes = 0;
    for (const part of parts) for await (const chunk of part.chunks()) bytes += chunk.length;
    expect(parts).toHaveLength(2_000);
    expect(parts[1_999]!.name).toBe(`${zip}!m-1999.csv`);
    expect(bytes).toBe(members.reduce((n, m) => n + m.content.length, 0));
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});

describe('careless and hostile content', () => {
  it('keeps every digit of an unquoted TagPack 0x address YAML reads as a number', async () => {
    const warnings: string[] = [];
    const s = await loadListFile(`${F}/tagpack-unquoted.yaml`, { warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
    expect(s.entries.flatMap((e) => e.addresses.map((a) => a.address))).toEqual([
      '0x1234567890123456789012345678901234567890',
      '0x0000000000000000000000000000000000000d1D',
      '0x098B716B8Aaf21512996dC57EB0615e2383E2f96',
    ]);
  });

  it('screens a wallet of the unquoted TagPack through the CLI', async () => {
    const env = { FLOWSENTRY_HOME: mkdtempSync(join(dir, 'home-')) };
    const wallet = '0x0000000000000000000000000000000000000d1d';
    const run = await runCli(['check', '--json', '--lists', `${F}/tagpack-unquoted.yaml`, wallet], {
      env,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Unquoted collector');
  });

  it('reads ransomwhere as a bare array, and refuses records that are not objects or a cut file', async () => {
    const record = { address: `0x${'2'.repeat(40)}`, blockchain: 'ethereum', family: 'Maui' };
    const bare = await loadListFile(temp('bare.json', JSON.stringify([record, record])));
    expect(bare.entries.map((e) => [e.name, e.addresses.length])).toEqual([['Maui', 1]]);
    const scalar = temp('scalar.json', `{"result":[${JSON.stringify(record)}, 5]}`);
    expect(await refusal(scalar)).toMatch(
      /scalar\.json \(record 2\): a record is not a JSON object/,
    );
    const cut = temp('cut.json', `{"result":[${JSON.stringify(record)}, {"address": "1`);
    expect(await refusal(cut)).toMatch(/cut\.json: malformed JSON \(truncated\?\)/);
  });

  it('gives prototype words no meaning: a schema, family or chain named constructor', async () => {
    const lines = [
      {
        id: 'w1',
        schema: 'CryptoWallet',
        properties: { publicKey: [`0x${'3'.repeat(40)}`], currency: ['ETH'] },
      },
      { id: 'x1', schema: 'constructor', properties: { name: ['Nobody'] } },
      { id: 'x2', schema: '__proto__', properties: { name: ['Nobody'] } },
    ];
    const os = await loadListFile(
      temp('proto.jsonl', lines.map((l) => JSON.stringify(l)).join('\n')),
    );
    expect(os.entries.map((e) => [e.entryId, e.kind])).toEqual([['w1', 'wallet']]);
    const family = {
      address: `0x${'4'.repeat(40)}`,
      blockchain: 'ethereum',
      family: 'constructor',
    };
    const proto = { address: `0x${'5'.repeat(40)}`, blockchain: 'ethereum', family: '__proto__' };
    const rw = await loadListFile(temp('proto.json', JSON.stringify({ result: [family, proto] })));
    expect(rw.entries.map((e) => e.name).sort()).toEqual(['__proto__', 'constructor']);
    expect(listStats(rw).byChain).toEqual({ ethereum: 2 });
  });

  it('treats __proto__ and constructor as list names and references through the CLI', async () => {
    const env = { FLOWSENTRY_HOME: mkdtempSync(join(dir, 'home-')) };
    const imported = await runCli(['lists', 'import', '--source', '__proto__', `${F}/plain.csv`], {
      env,
    });
    expect(imported.code, imported.stderr).toBe(0);
    const versions = await runCli(['lists', 'versions', '--json'], { env });
    expect(versions.json<{ source: string; active: boolean }>()).toMatchObject([
      { source: '__proto__', active: true },
    ]);
    const stats = await runCli(['lists', 'stats', '--json', '__proto__'], { env });
    expect(stats.code, stats.stderr).toBe(0);
    const diff = await runCli(['lists', 'diff', 'constructor', '__proto__'], { env });
    expect(diff.code).toBe(2);
    expect(diff.stderr).toBe(
      'flowsentry: lists: "constructor" is neither a file, a source nor a version id\n',
    );
  });
});
