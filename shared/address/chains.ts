/** Address families: one normalization rule and one key space each. */
export type ChainFamily = 'evm' | 'tron' | 'bitcoin' | 'other';

/** Chains that use Ethereum-style 0x addresses: one address is one key on all of them. */
const EVM_CHAINS = new Set([
  'ethereum',
  'polygon',
  'arbitrum',
  'optimism',
  'bsc',
  'base',
  'avalanche',
  'fantom',
  'gnosis',
  'linea',
  'scroll',
  'zksync',
  'blast',
  'mantle',
  'celo',
  'sepolia',
  'holesky',
  'ethereum-classic',
  'local',
  'anvil',
]);

// A Map, not an object literal: a chain named `constructor` or `__proto__` must find nothing.
const OTHER_FAMILIES: ReadonlyMap<string, ChainFamily> = new Map([
  ['tron', 'tron'],
  ['bitcoin', 'bitcoin'],
]);

/** Chain ids of the well-known EVM chains, checked against what an RPC node reports. */
// Null prototype: `EVM_CHAIN_IDS[name]` must not find `constructor` or `toString`.
export const EVM_CHAIN_IDS: Readonly<Record<string, bigint>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, bigint>, {
    ethereum: 1n,
    optimism: 10n,
    bsc: 56n,
    gnosis: 100n,
    polygon: 137n,
    fantom: 250n,
    base: 8453n,
    arbitrum: 42161n,
    avalanche: 43114n,
    linea: 59144n,
    scroll: 534352n,
    sepolia: 11155111n,
    holesky: 17000n,
    anvil: 31337n,
  }),
);

/** The family of a chain name; an unknown chain is EVM only if its address says so. */
export function familyOf(chain: string, address?: string): ChainFamily {
  const known = OTHER_FAMILIES.get(chain);
  if (known) return known;
  if (EVM_CHAINS.has(chain)) return 'evm';
  return address !== undefined && /^0x[0-9a-fA-F]{40}$/.test(address) ? 'evm' : 'other';
}
