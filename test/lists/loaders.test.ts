import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type ListEntry,
  type ListSnapshot,
  loadListFile,
  loadListFiles,
} from '../../shared/lists/index.ts';

const F = 'test/fixtures/lists';

function entry(snapshot: ListSnapshot, id: string): ListEntry {
  const found = snapshot.entries.find((e) => e.entryId === id);
  if (!found) throw new Error(`no entry ${id} in ${snapshot.version.id}`);
  return found;
}

const keys = (e: ListEntry) => [...new Set(e.addresses.map((a) => a.key))];

describe('OFAC SDN_ADVANCED.XML loader', () => {
  it('reads names from name parts, kinds, programs, birth dates, nationalities and listing dates', async () => {
    const s = await loadListFile(`${F}/sdn_advanced_small.xml`);
    expect(s.version).toMatchObject({
      source: 'ofac-sdn',
      publishedAt: '2025-11-19',
      format: 'ofac-advanced-xml',
    });
    expect(s.version.id).toBe(`ofac-sdn@2025-11-19#${s.version.contentHash.slice(0, 12)}`);
    expect(s.entries).toHaveLength(7);
    expect(entry(s, '42498')).toMatchObject({
      name: 'Sim, Hyon Sop',
      aliases: ["Sim, Hyo'n-so'p"],
      kind: 'person',
      programs: ['NPWMD'],
      datesOfBirth: ['1983-11-25'],
      nationalities: ['Korea, North'],
      listedOn: '2023-04-24',
    });
    expect(entry(s, '43377').aliases).toEqual(['김, 상만', 'Kim, Sangman']);
    expect(entry(s, '27307')).toMatchObject({
      name: 'Lazarus Group',
      kind: 'entity',
      programs: ['DPRK3'],
    });
  });

  it('maps one 0x address under ETH, ARB and BSC (or ETH, USDT, USDC) to one EVM key', async () => {
    const s = await loadListFile(`${F}/sdn_advanced_small.xml`);
    const sim = entry(s, '42498');
    expect(sim.addresses.map((a) => [a.chain, a.currency])).toEqual([
      ['ethereum', 'ETH'],
      ['arbitrum', 'ARB'],
      ['bsc', 'BSC'],
    ]);
    expect(keys(sim)).toEqual(['evm:0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c']);
    const kim = entry(s, '43377');
    const usd = kim.addresses.filter(
      (a) => a.key === 'evm:0xb6f5ec1a0a9cd1526536d3f0426c429529471f40',
    );
    expect(usd.map((a) => a.currency)).toEqual(['ETH', 'USDT', 'USDC']);
  });

  it('puts USDT on Tron, EVM or Bitcoin (Omni) by the shape of the address, and keeps XMR', async () => {
    const s = await loadListFile(`${F}/sdn_advanced_small.xml`);
    expect(entry(s, '22985').addresses.map((a) => a.chain)).toEqual(['tron', 'tron']);
    const suex = entry(s, '33151').addresses;
    expect(suex.map((a) => [a.chain, a.currency])).toEqual([
      ['bitcoin', 'USDT'],
      ['monero', 'XMR'],
    ]);
  });

  it('keeps designated parties without any address, for identity screening', async () => {
    const s = await loadListFile(`${F}/sdn_advanced_small.xml`);
    expect(entry(s, '52262')).toMatchObject({
      name: "Department 53 of the Ministry of the People's Armed Forces",
      aliases: ['Department 53'],
      addresses: [],
      programs: ['DPRK2'],
    });
  });
});

describe('OFAC legacy SDN.XML loader', () => {
  it('reads entries, aliases, programs, digital currency ids, nationality and birth date', async () => {
    const s = await loadListFile(`${F}/sdn.xml`);
    expect(s.version).toMatchObject({
      source: 'ofac-sdn',
      publishedAt: '2025-11-19',
      format: 'ofac-sdn-xml',
    });
    expect(entry(s, '27307')).toMatchObject({
      name: 'LAZARUS GROUP',
      aliases: ['HIDDEN COBRA', 'GUARDIANS OF PEACE'],
    });
    expect(keys(entry(s, '27307'))).toEqual(['evm:0x098b716b8aaf21512996dc57eb0615e2383e2f96']);
    expect(entry(s, '42498')).toMatchObject({
      name: 'SIM, Hyon Sop',
      kind: 'person',
      datesOfBirth: ['1983-11-25'],
      nationalities: ['Korea, North'],
    });
    expect(entry(s, '52283')).toMatchObject({ programs: ['DPRK2', 'DPRK3'], addresses: [] });
  });
});

describe('OFAC sdn.csv loader', () => {
  it('joins remarks cut at 1,000 characters with sdn_comments.csv, raw, and adds alt.csv aliases', async () => {
    const [s] = await loadListFiles([`${F}/sdn.csv`, `${F}/sdn_comments.csv`, `${F}/alt.csv`]);
    const mixer = entry(s!, '90001');
    const expected = readFileSync(`${F}/mixer_addresses.txt`, 'utf8').trim().split('\n');
    expect(mixer.addresses.map((a) => a.address.toLowerCase())).toEqual(expected);
    expect(mixer.programs).toEqual(['CYBER2', 'DPRK3']);
    // Its a.k.a. (at the very end of the continued remarks) repeats the name: not an alias.
    expect(mixer.aliases).toEqual([]);
    expect(entry(s!, '52262').aliases).toEqual(['DEPARTMENT 53']);
    expect(entry(s!, '25308')).toMatchObject({
      kind: 'person',
      aliases: ['ZHOU, William', 'YAN, Steven'],
      datesOfBirth: ['1977-03-25'],
    });
    expect(entry(s!, '22985')).toMatchObject({ kind: 'entity', name: 'CHEIL CREDIT BANK' });
  });

  it('without sdn_comments.csv keeps only the addresses before the cut', async () => {
    const s = await loadListFile(`${F}/sdn.csv`);
    expect(entry(s, '90001').addresses.length).toBeLessThan(30);
  });

  it('loads the same set from a zip archive, as one version', async () => {
    const [fromZip] = await loadListFiles([`${F}/ofac_csv_set.zip`]);
    const [fromFiles] = await loadListFiles([
      `${F}/sdn.csv`,
      `${F}/sdn_comments.csv`,
      `${F}/alt.csv`,
    ]);
    expect(fromZip!.version.contentHash).toBe(fromFiles!.version.contentHash);
    expect(fromZip!.entries).toEqual(fromFiles!.entries);
  });
});

describe('OpenSanctions FollowTheMoney loader', () => {
  it('joins CryptoWallets to their holders (by id or nested), adds Sanction programs', async () => {
    const s = await loadListFile(`${F}/opensanctions.ftm.jsonl`);
    expect(s.version).toMatchObject({
      source: 'opensanctions:opensanctions.ftm',
      publishedAt: '2025-11-19',
    });
    expect(entry(s, 'NK-lazarus')).toMatchObject({
      programs: ['DPRK3'],
      aliases: ['Hidden Cobra', 'APT38'],
    });
    expect(keys(entry(s, 'NK-lazarus'))).toEqual([
      'evm:0x098b716b8aaf21512996dc57eb0615e2383e2f96',
    ]);
    expect(entry(s, 'NK-sim-hyon-sop')).toMatchObject({
      kind: 'person',
      datesOfBirth: ['1983-11-25'],
      nationalities: ['kp'],
    });
    expect(entry(s, 'NK-grinex').addresses[0]).toMatchObject({ chain: 'tron', currency: 'TRX' });
    expect(entry(s, 'wallet-without-holder')).toMatchObject({
      kind: 'wallet',
      category: 'sanctions',
    });
    expect(entry(s, 'NK-department-53').addresses).toEqual([]);
  });
});

describe('GraphSense TagPack loader', () => {
  it('groups tags by actor, takes header defaults, trims addresses, keeps the source URL', async () => {
    const s = await loadListFile(`${F}/tagpack.yaml`);
    expect(s.version).toMatchObject({ source: 'graphsense:tagpack', publishedAt: '2025-11-01' });
    const dprk = entry(s, 'dprk_it_workers');
    expect(dprk).toMatchObject({ name: 'Lazarus Group', category: 'sanctions' });
    expect(dprk.references).toEqual(['https://example.invalid/reports/dprk-it-workers']);
    expect(keys(dprk)).toContain('evm:0xa0e1c89ef1a489c9c7de96311ed5ce5d32c20e4b');
    expect(entry(s, 'cheil_credit_bank').addresses[0]).toMatchObject({
      chain: 'tron',
      currency: 'USDT',
    });
  });
});

describe('ransomwhere export loader', () => {
  it('makes one ransomware entry per family and skips a malformed address with a warning', async () => {
    const warnings: string[] = [];
    const s = await loadListFile(`${F}/ransomwhere.json`, { warn: (m) => warnings.push(m) });
    expect(s.version).toMatchObject({ source: 'ransomwhere', publishedAt: '2024-01-16' });
    expect(entry(s, 'WannaCry').addresses).toHaveLength(2);
    expect(entry(s, 'Maui')).toMatchObject({
      category: 'ransomware',
      addresses: [{ chain: 'bitcoin' }],
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/ransomwhere\.json: entry Maui .*not-a-real-address!/);
  });
});

describe('plain CSV loader', () => {
  it('reads address, chain, label, category, source; one entry per label', async () => {
    const s = await loadListFile(`${F}/plain.csv`);
    expect(s.version.source).toBe('csv:plain');
    const collector = entry(s, 'Collector A');
    expect(collector).toMatchObject({ category: 'collector', references: ['case-1041'] });
    expect(collector.addresses.map((a) => a.chain)).toEqual(['ethereum', 'polygon']);
    expect(entry(s, 'TBATDh41qMQ1yeVYecneEvhpfayYmkAQWS')).toMatchObject({
      kind: 'wallet',
      category: 'extortion',
    });
    expect(entry(s, 'Ransom demand').addresses[0]).toMatchObject({ chain: 'litecoin' });
  });

  it('reads the same list gzipped', async () => {
    const [plain, gz] = await Promise.all([
      loadListFile(`${F}/plain.csv`),
      loadListFile(`${F}/plain.csv.gz`),
    ]);
    expect(gz.version.contentHash).toBe(plain.version.contentHash);
    expect(gz.entries).toEqual(plain.entries);
  });
});
