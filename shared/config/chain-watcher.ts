import { EVM_CHAIN_IDS, familyOf } from '../address/index.ts';
import { ConfigError } from '../errors.ts';
import type { FlowsentryConfig } from './env.ts';
import { type Env, integer } from './integer.ts';

/** What the chain watcher's settings are derived from, besides its own variables. */
type Base = Pick<FlowsentryConfig, 'rpc' | 'tokens' | 'confirmations'>;

/** How one chain is reached and read. */
export interface ChainSettings {
  readonly chain: string;
  readonly httpUrls: readonly string[];
  readonly wsUrls: readonly string[];
  /** Set for a well-known chain name; other names take the id their node reports. */
  readonly expectedChainId?: bigint;
  /** Lowercase token contracts, or undefined for every Transfer log. */
  readonly contracts?: readonly string[];
  readonly confirmations: number;
  readonly startBlock: number | 'head';
}

/** The chain watcher's settings: the shared configuration plus its own variables. */
export interface WatcherSettings {
  readonly chains: readonly ChainSettings[];
  readonly pollMs: number;
  readonly reorgWindow: number;
  readonly maxRange: number;
  readonly native: boolean;
  readonly requestsPerSecond: number;
  readonly batchSize: number;
  readonly namespace: string;
}

const CHAIN_RE = /^[a-z][a-z0-9-]{1,31}$/;
const ADDRESS_RE = /^0x[0-9a-fA-F]{40}$/;

function envName(prefix: string, chain: string): string {
  return `${prefix}${chain.toUpperCase().replaceAll('-', '_')}`;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name}=${JSON.stringify(env[name])} must be true or false`);
}

function startBlock(env: Env, chain: string): number | 'head' {
  const name = envName('FLOWSENTRY_CHAIN_START_', chain);
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '' || raw === 'head') return 'head';
  return integer(env, name, 0, 0, Number.MAX_SAFE_INTEGER);
}

function contracts(config: Base, chain: string): string[] | undefined {
  const list = config.tokens[chain];
  if (!list || list.length === 0) return undefined;
  for (const address of list) {
    if (!ADDRESS_RE.test(address)) {
      throw new ConfigError(
        `${envName('FLOWSENTRY_TOKENS_', chain)}: ${JSON.stringify(address)} is not a 0x address`,
      );
    }
  }
  return [...new Set(list.map((a) => a.toLowerCase()))];
}

/** The chain must be EVM and reachable over HTTP; returns its http(s) and ws(s) URLs. */
function urlsOf(config: Base, chain: string): { httpUrls: string[]; wsUrls: string[] } {
  const rpcVar = envName('FLOWSENTRY_RPC_', chain);
  if (!CHAIN_RE.test(chain))
    throw new ConfigError(`${rpcVar}: "${chain}" is not a valid chain name`);
  const family = familyOf(chain);
  if (family === 'tron' || family === 'bitcoin') {
    throw new ConfigError(`${rpcVar}: the chain watcher follows EVM chains only, not ${chain}`);
  }
  const urls = config.rpc[chain] ?? [];
  const httpUrls = urls.filter((u) => /^https?:/i.test(u));
  if (httpUrls.length === 0) {
    throw new ConfigError(
      `${rpcVar}: needs an http(s) URL; a ws(s) URL only wakes the polling loop`,
    );
  }
  return { httpUrls, wsUrls: urls.filter((u) => /^wss?:/i.test(u)) };
}

function chainSettings(config: Base, env: Env, chain: string): ChainSettings {
  const expected = EVM_CHAIN_IDS[chain];
  const tokens = contracts(config, chain);
  const confirmationsVar = envName('FLOWSENTRY_CONFIRMATIONS_', chain);
  return {
    chain,
    ...urlsOf(config, chain),
    ...(expected === undefined ? {} : { expectedChainId: expected }),
    ...(tokens ? { contracts: tokens } : {}),
    confirmations: integer(env, confirmationsVar, config.confirmations, 0, 10_000),
    startBlock: startBlock(env, chain),
  };
}

/** Chains named by FLOWSENTRY_CHAINS (one process per chain), or every chain with an RPC URL. */
function chosenChains(config: Base, env: Env): string[] {
  const all = Object.keys(config.rpc).sort();
  const raw = env.FLOWSENTRY_CHAINS?.trim();
  if (!raw) return all;
  const chosen = raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = chosen.filter((c) => !all.includes(c));
  if (unknown.length > 0) {
    throw new ConfigError(`FLOWSENTRY_CHAINS: no FLOWSENTRY_RPC_<CHAIN> for ${unknown.join(', ')}`);
  }
  return chosen;
}

/**
 * Reads and validates the watcher's settings (part of loadConfig, so parsed once at start);
 * throws ConfigError naming the variable.
 */
export function watcherSettings(config: Base, env: Env): WatcherSettings {
  return Object.freeze({
    chains: Object.freeze(
      chosenChains(config, env).map((c) => Object.freeze(chainSettings(config, env, c))),
    ),
    pollMs: integer(env, 'FLOWSENTRY_CHAIN_POLL_MS', 2_000, 10, 600_000),
    reorgWindow: integer(env, 'FLOWSENTRY_CHAIN_REORG_WINDOW', 128, 1, 10_000),
    maxRange: integer(env, 'FLOWSENTRY_CHAIN_MAX_RANGE', 2_000, 1, 1_000_000),
    native: flag(env, 'FLOWSENTRY_CHAIN_NATIVE', true),
    requestsPerSecond: integer(env, 'FLOWSENTRY_CHAIN_RATE_LIMIT', 25, 0, 100_000),
    batchSize: integer(env, 'FLOWSENTRY_CHAIN_RPC_BATCH', 50, 1, 1_000),
    namespace: env.FLOWSENTRY_CHAIN_NAMESPACE?.trim() || 'chain-watcher:',
  });
}
