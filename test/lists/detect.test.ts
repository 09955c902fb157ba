import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, ListFormatError, loadListFile } from '../../shared/lists/index.ts';
import { openInputParts } from '../../shared/lists/open-input.ts';
import { peekInput } from '../../shared/lists/peek.ts';

const F = 'test/fixtures/lists';

async function formatOf(path: string): Promise<string | undefined> {
  const [part] = await openInputParts(path);
  const input = await peekInput(part!);
  await input.close();
  return detectFormat(input.head);
}

describe('format detection by content', () => {
  it.each([
    ['sdn_advanced_small.xml', 'ofac-advanced-xml'],
    ['sdn_advanced_small.xml.bz2', 'ofac-advanced-xml'],
    ['sdn.xml', 'ofac-sdn-xml'],
    ['sdn.csv', 'ofac-sdn-csv'],
    ['sdn_comments.csv', 'ofac-comments-csv'],
    ['alt.csv', 'ofac-alt-csv'],
    ['opensanctions.ftm.jsonl', 'opensanctions-ftm'],
    ['tagpack.yaml', 'graphsense-tagpack'],
    ['ransomwhere.json', 'ransomwhere-json'],
    ['plain.csv', 'plain-csv'],
    ['plain.csv.gz', 'plain-csv'],
  ])('%s is %s', async (file, format) => {
    expect(await formatOf(`${F}/${file}`)).toBe(format);
  });

  it('ignores the file name: a renamed download loads the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fs-detect-'));
    const renamed = join(dir, 'download.bin');
    copyFileSync(`${F}/sdn_advanced_small.xml.bz2`, renamed);
    const s = await loadListFile(renamed);
    expect(s.version).toMatchObject({
      source: 'ofac-sdn',
      format: 'ofac-advanced-xml',
      publishedAt: '2025-11-19',
    });
  });

  it('the pure-JS bzip2 fallback reads the same bytes as the system bzip2', async () => {
    const native = await loadListFile(`${F}/sdn_advanced_small.xml.bz2`, { bzip2: 'native' });
    const js = await loadListFile(`${F}/sdn_advanced_small.xml.bz2`, { bzip2: 'js' });
    expect(js.version.contentHash).toBe(native.version.contentHash);
    expect(js.entries).toEqual(native.entries);
  });

  it('tells an add.csv and a headerless plain CSV apart', () => {
    expect(detectFormat('36025,54126,"Harju maakond","Tallinn 10150","Estonia",-0- \r\n')).toBe(
      'ofac-add-csv',
    );
    expect(
      detectFormat('0x098B716B8Aaf21512996dC57EB0615e2383E2f96,ethereum,Lazarus,sanctions,ofac\n'),
    ).toBe('plain-csv');
    expect(detectFormat('hello,world\n')).toBeUndefined();
  });
});

describe('bad input is refused with the file and where it broke', () => {
  const refuse = async (path: string) => {
    const error = await loadListFile(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ListFormatError);
    return (error as ListFormatError).message;
  };
  const temp = (name: string, text: string | Buffer) => {
    const path = join(mkdtempSync(join(tmpdir(), 'fs-bad-')), name);
    writeFileSync(path, text);
    return path;
  };

  it('a truncated SDN_ADVANCED names the line and says it ends early', async () => {
    const message = await refuse(`${F}/sdn_advanced_truncated.xml`);
    expect(message).toMatch(
      /sdn_advanced_truncated\.xml \(line \d+, column \d+\): the file ends early/,
    );
  });

  it('a truncated bzip2 file is refused by the decompressor (native and pure JS)', async () => {
    expect(await refuse(`${F}/sdn_advanced_small_truncated.xml.bz2`)).toMatch(
      /\(bzip2\): cannot decompress/,
    );
    const js = await loadListFile(`${F}/sdn_advanced_small_truncated.xml.bz2`, {
      bzip2: 'js',
    }).catch((e: Error) => e);
    expect((js as Error).message).toMatch(/truncated or corrupt/);
  });

  it('a truncated gzip file is refused', async () => {
    const gz = readFileSync(`${F}/plain.csv.gz`);
    expect(await refuse(temp('cut.csv.gz', gz.subarray(0, gz.length - 12)))).toMatch(
      /\(gzip\): cannot decompress/,
    );
  });

  it('an unknown file says what it starts with', async () => {
    expect(await refuse(temp('notes.txt', 'Dear team,\nplease screen these.\n'))).toMatch(
      /notes\.txt \(first bytes\): unknown list format: it starts with "Dear team, please/,
    );
    expect(await refuse(temp('empty.csv', ''))).toMatch(/the file is empty/);
  });

  it('malformed XML, YAML, JSON lines and CSV name the place', async () => {
    const xml = readFileSync(`${F}/sdn.xml`, 'utf8').replace(
      '<uid>42498</uid>',
      '<uid>42498</uidd>',
    );
    expect(await refuse(temp('bad.xml', xml))).toMatch(
      /bad\.xml \(line 50, column \d+\): malformed XML: unexpected close tag/,
    );
    const yaml = readFileSync(`${F}/tagpack.yaml`, 'utf8').replace(
      '- address: TA39',
      "- address: 'TA39",
    );
    expect(await refuse(temp('bad.yaml', yaml))).toMatch(
      /bad\.yaml \(line \d+, column \d+\): malformed YAML/,
    );
    const jsonl = readFileSync(`${F}/opensanctions.ftm.jsonl`, 'utf8');
    expect(await refuse(temp('cut.jsonl', jsonl.slice(0, jsonl.length - 30)))).toMatch(
      /cut\.jsonl \(line 9\): not a JSON object/,
    );
    const csv = readFileSync(`${F}/sdn.csv`, 'latin1');
    expect(await refuse(temp('cut.csv', csv.slice(0, 700)))).toMatch(
      /cut\.csv \(line \d+\): malformed CSV: a quoted field is never closed/,
    );
    expect(await refuse(temp('short.csv', 'address,chain,label\n0xabc,ethereum\n'))).toMatch(
      /short\.csv \(line 2\): expected 3 fields/,
    );
  });

  it('a cut ransomwhere export is refused', async () => {
    const json = readFileSync(`${F}/ransomwhere.json`, 'utf8');
    expect(await refuse(temp('cut.json', json.slice(0, 400)))).toMatch(
      /cut\.json: malformed JSON \(truncated\?\)/,
    );
  });
});
