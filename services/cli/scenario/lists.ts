import { createHash } from 'node:crypto';
import { normalizeAddress } from '../../../shared/address/index.ts';
import type { EntryCategory, ListEntry, ListSnapshot } from '../../../shared/lists/types.ts';

/** Lazarus Group's Ronin bridge exploiter address, on the OFAC SDN list since April 2022. */
export const LAZARUS_WALLET = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96';

/** Wallets the scenario lists, drawn from its PRNG (besides the real Lazarus one). */
export interface ListedWallets {
  /** KIM SANG MAN's wallet: one worker is paid straight to it. */
  readonly kimSangMan: string;
  /** SIM HYON SOP's wallet: it sends money to a worker's wallet. */
  readonly simHyonSop: string;
  /** The exchange hot wallet (labelled, not sanctioned). */
  readonly exchange: string;
}

function wallet(chain: string, address: string, currency: string) {
  const n = normalizeAddress(chain, address);
  return { chain, address: n.canonical, key: n.key, currency };
}

type EntryInput = Omit<ListEntry, 'source' | 'aliases' | 'addresses' | 'programs' | 'category'> &
  Partial<Pick<ListEntry, 'aliases' | 'addresses' | 'programs' | 'category'>>;

function entry(source: string, e: EntryInput): ListEntry {
  return {
    source,
    aliases: [],
    addresses: [],
    programs: ['DPRK3'],
    category: 'sanctions' as EntryCategory,
    ...e,
  };
}

function snapshot(source: string, publishedAt: string, entries: ListEntry[]): ListSnapshot {
  const contentHash = createHash('sha256').update(JSON.stringify(entries)).digest('hex');
  const addressCount = entries.reduce((n, e) => n + e.addresses.length, 0);
  return {
    version: {
      id: `${source}@${publishedAt}#${contentHash.slice(0, 12)}`,
      source,
      publishedAt,
      contentHash,
      loadedAt: `${publishedAt}T00:00:00.000Z`,
      entryCount: entries.length,
      addressCount,
      format: 'scenario',
    },
    entries,
  };
}

/**
 * The scenario's small sanctions list, modelled on the January 2025 designations: the
 * people and front companies of the brief (dates of birth are made up for the scenario)
 * and three wallets. Plus a label list naming the exchange hot wallet.
 */
export function scenarioLists(w: ListedWallets, publishedAt = '2026-01-01'): ListSnapshot[] {
  const s = 'scenario-sdn';
  const sanctions = [
    entry(s, {
      entryId: 'p-jong-in-chol',
      name: 'JONG IN CHOL',
      aliases: ['CHONG IN CHOL'],
      kind: 'person',
      datesOfBirth: ['1978-04-22'],
      nationalities: ['KP'],
    }),
    entry(s, {
      entryId: 'p-son-kyong-sik',
      name: 'SON KYONG SIK',
      kind: 'person',
      datesOfBirth: ['1981-09-03'],
      nationalities: ['KP'],
    }),
    entry(s, {
      entryId: 'p-kim-sang-man',
      name: 'KIM SANG MAN',
      kind: 'person',
      datesOfBirth: ['1966'],
      nationalities: ['KP'],
      addresses: [wallet('ethereum', w.kimSangMan, 'ETH')],
    }),
    entry(s, {
      entryId: 'p-sim-hyon-sop',
      name: 'SIM HYON SOP',
      kind: 'person',
      nationalities: ['KP'],
      addresses: [wallet('ethereum', w.simHyonSop, 'USDT')],
    }),
    entry(s, {
      entryId: 'e-department-53',
      name: 'DEPARTMENT 53 OF THE MINISTRY OF THE PEOPLES ARMED FORCES',
      aliases: ['DEPARTMENT 53'],
      kind: 'entity',
    }),
    entry(s, { entryId: 'e-osong', name: 'KOREA OSONG SHIPPING CO', kind: 'entity' }),
    entry(s, {
      entryId: 'e-chonsurim',
      name: 'CHONSURIM TRADING CORPORATION',
      aliases: ['KOREA CHONSURIM TRADING CORPORATION'],
      kind: 'entity',
    }),
    entry(s, {
      entryId: 'e-liaoning',
      name: 'LIAONING CHINA TRADE INDUSTRY CO., LTD.',
      kind: 'entity',
    }),
    entry(s, {
      entryId: 'e-lazarus',
      name: 'LAZARUS GROUP',
      aliases: ['HIDDEN COBRA'],
      kind: 'entity',
      addresses: [wallet('ethereum', LAZARUS_WALLET, 'ETH')],
    }),
  ];
  const labels = [
    entry('scenario-labels', {
      entryId: 'x-bigex',
      name: 'BIGEX HOT WALLET',
      kind: 'wallet',
      programs: [],
      category: 'exchange',
      addresses: [wallet('ethereum', w.exchange, 'USDC')],
    }),
  ];
  return [snapshot(s, publishedAt, sanctions), snapshot('scenario-labels', publishedAt, labels)];
}
