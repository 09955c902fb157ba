import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AddressScreen,
  buildSnapshot,
  diffSnapshots,
  type ListEntry,
  type ListSnapshot,
  listedAddress,
  loadListFile,
  TagIndex,
} from '../../shared/lists/index.ts';

/** The real public files (see ../shared/data/README.md); absent on machines without them. */
const DATA = resolve('..', 'shared', 'data');
const OFAC = `${DATA}/ofac`;
if (!existsSync(DATA))
  console.warn(`real-data list tests skipped: ${DATA} does not exist on this machine`);

/** Where each OFAC currency code must land; USDT and USDC follow the shape of the address. */
function expectedChain(currency: string, address: string): string {
  if (/^0x/i.test(address))
    return (
      { ETH: 'ethereum', ARB: 'arbitrum', BSC: 'bsc', ETC: 'ethereum-classic' }[currency] ??
      'ethereum'
    );
  if (/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(address)) return 'tron';
  const fixed: Record<string, string> = {
    XBT: 'bitcoin',
    USDT: 'bitcoin',
    LTC: 'litecoin',
    XMR: 'monero',
    BCH: 'bitcoin-cash',
    BSV: 'bitcoin-sv',
    BTG: 'bitcoin-gold',
    DASH: 'dash',
    SOL: 'solana',
    XRP: 'xrp',
    XVG: 'verge',
    ZEC: 'zcash',
    BNB: 'bnb-beacon',
  };
  return fixed[currency] ?? `unmapped ${currency}`;
}

interface AddressRow {
  profile_id: string;
  currency: string;
  address: string;
}

describe.skipIf(!existsSync(DATA))('the real 2025-11-19 SDN_ADVANCED.XML', () => {
  let full: ListSnapshot;
  let rows: AddressRow[];
  beforeAll(async () => {
    full = await loadListFile(`${OFAC}/sdn_advanced_2025-11-19.xml.bz2`);
    rows = parse(
      readFileSync(`${OFAC}/ofac_sdn_advanced_2025-11-19_digital_currency_addresses.csv`),
      { columns: true },
    );
  }, 60_000);

  it('is version ofac-sdn@2025-11-19 with the checksum OFAC published', () => {
    expect(full.version.contentHash).toBe(
      '36c517bd264d8d97eff353eadd8d84427d5eb293505a8ce07271a5bc258c3117',
    );
    expect(full.version.id).toBe('ofac-sdn@2025-11-19#36c517bd264d');
    expect(full.entries.length).toBeGreaterThan(18_000);
  });

  it('gives its 745 distinct addresses, each on the right chain under its party', () => {
    expect(rows).toHaveLength(761);
    expect(new Set(rows.map((r) => r.address)).size).toBe(745);
    expect(full.version.addressCount).toBe(745);
    const byId = new Map(full.entries.map((e) => [e.entryId, e]));
    for (const row of rows) {
      const listed = byId
        .get(row.profile_id)
        ?.addresses.filter((a) => a.key === listedAddress(row.currency, row.address).key);
      expect(
        listed?.map((a) => a.chain),
        `${row.profile_id} ${row.currency} ${row.address}`,
      ).toContain(expectedChain(row.currency, row.address));
    }
  });

  it('check hits every address, in every letter case of the 0x form', () => {
    const screen = new AddressScreen(new TagIndex([full]));
    for (const row of rows) {
      const forms = /^0x/i.test(row.address)
        ? [
            row.address,
            row.address.toLowerCase(),
            `0x${row.address.slice(2).toUpperCase()}`,
            listedAddress('ETH', row.address).address,
          ]
        : [row.address];
      for (const form of forms) {
        const result = screen.screen(form);
        expect(result.hit, form).toBe(true);
        expect(result.matches.map((m) => m.entryId)).toContain(row.profile_id);
      }
    }
  });

  it('holds the designated front companies without addresses, by name', () => {
    const named = (re: RegExp) =>
      full.entries.filter((e) => re.test(e.name) || e.aliases.some((a) => re.test(a)));
    for (const re of [/Department 53/i, /Korea Osong Shipping/i, /Chonsurim/i]) {
      const found = named(re);
      expect(found.length, String(re)).toBeGreaterThan(0);
      expect(found[0]).toMatchObject({ kind: 'entity', addresses: [], category: 'sanctions' });
      expect(found[0]!.programs.some((p) => p.startsWith('DPRK'))).toBe(true);
    }
  });

  it('a version holding Tornado Cash diffs to it with the 90 removed ETH addresses', () => {
    const curated = parse(
      readFileSync(`${DATA}/labels/curated_dprk_mixers_exchanges_addresses.csv`),
      { columns: true },
    ) as {
      address: string;
      sdn_profile_id: string;
    }[];
    const tornadoRows = curated.filter((r) => r.sdn_profile_id === '39796');
    const tornado: ListEntry = {
      source: 'ofac-sdn',
      entryId: '39796',
      name: 'TORNADO CASH',
      aliases: [],
      kind: 'entity',
      programs: ['CYBER2', 'DPRK3'],
      category: 'sanctions',
      addresses: tornadoRows.map((r) => listedAddress('ETH', r.address)),
    };
    const withTornado = buildSnapshot({
      source: 'ofac-sdn',
      publishedAt: '2025-03-04',
      contentHash: 'f'.repeat(64),
      entries: [...full.entries, tornado],
    });
    const d = diffSnapshots(withTornado, full);
    expect(d.removedEntries.map((e) => e.entryId)).toEqual(['39796']);
    expect(d.removedAddresses).toHaveLength(90);
    expect(new Set(d.removedAddresses.map((a) => a.chain))).toEqual(new Set(['ethereum']));
    expect(d.addedAddresses).toHaveLength(0);
  });
});

describe.skipIf(!existsSync(DATA))('the 11-party SDN_ADVANCED excerpt', () => {
  it('gives every party its name, aliases and programs', async () => {
    const s = await loadListFile(`${OFAC}/sdn_advanced_2025-11-19_excerpt.xml`);
    const got = Object.fromEntries(
      s.entries.map((e) => [e.entryId, { name: e.name, programs: e.programs, kind: e.kind }]),
    );
    expect(got).toEqual({
      '27307': { name: 'Lazarus Group', programs: ['DPRK3'], kind: 'entity' },
      '42498': { name: 'Sim, Hyon Sop', programs: ['NPWMD'], kind: 'person' },
      '43377': { name: 'Kim, Sang Man', programs: ['DPRK4'], kind: 'person' },
      '44437': { name: 'Sinbad', programs: ['CYBER2', 'DPRK3'], kind: 'entity' },
      '44718': { name: 'Semenov, Roman', programs: ['DPRK3'], kind: 'person' },
      '36025': {
        name: 'GARANTEX EUROPE OU',
        programs: ['CYBER4', 'RUSSIA-EO14024'],
        kind: 'entity',
      },
      '55045': { name: 'Grinex', programs: ['CYBER4'], kind: 'entity' },
      '37070': { name: 'Blender.io', programs: ['CYBER2'], kind: 'entity' },
      '22985': { name: 'CHEIL CREDIT BANK', programs: ['DPRK4'], kind: 'entity' },
      '55065': { name: 'Andreyev, Vitaliy Sergeyevich', programs: ['DPRK2'], kind: 'person' },
      '42496': { name: 'Wu, Huihui', programs: ['DPRK3'], kind: 'person' },
    });
    const aliases = (id: string) => s.entries.find((e) => e.entryId === id)!.aliases;
    expect(aliases('27307')).toEqual(
      expect.arrayContaining(['Hidden Cobra', 'Guardians of Peace', 'APT-C-26', 'Appleworm']),
    );
    expect(aliases('44437')).toEqual(['Sinbad.io']);
    expect(aliases('55065')).toEqual(['Андреев, Виталий Сергеевич']);
    expect(aliases('36025')).toEqual(['GARANTEX EUROPE OÜ', 'Garantex']);
  });
});
