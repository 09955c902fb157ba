import { type ContractLimits, contractLimits } from '../contract/limits.ts';
import { ConfigError } from '../errors.ts';
import { type ApiOptions, apiOptions } from './api.ts';
import { type WatcherSettings, watcherSettings } from './chain-watcher.ts';
import { type Env, integer } from './integer.ts';

export type { ApiOptions } from './api.ts';
export type { ChainSettings, WatcherSettings } from './chain-watcher.ts';
export { integer } from './integer.ts';

/** Settings every service reads from the environment, parsed once and frozen. */
export interface FlowsentryConfig {
  readonly kafkaBrokers: readonly string[];
  readonly redisUrl: string;
  readonly topics: {
    readonly payroll: string;
    readonly transfers: string;
    readonly intel: string;
    readonly dlq: string;
  };
  readonly groupId: string;
  readonly alertQueue: string;
  readonly apiPort: number;
  readonly apiTokens: readonly { readonly token: string; readonly role: ApiRole }[];
  readonly confirmations: number;
  readonly rpc: Readonly<Record<string, readonly string[]>>;
  readonly tokens: Readonly<Record<string, readonly string[]>>;
  /** FLOWSENTRY_RULES: the rules configuration file (thresholds); built-in defaults when unset. */
  readonly rulesFile?: string;
  /** FLOWSENTRY_REDIS_PREFIX: prefix of Flowsentry's own Redis keys (lists, engine state). */
  readonly redisPrefix: string;
  readonly logLevel: string;
  /** The API service's own settings (FLOWSENTRY_API_*, FLOWSENTRY_WEBHOOK_*). */
  readonly api: ApiOptions;
  /** The screener service's own settings (FLOWSENTRY_SCREENER_*, FLOWSENTRY_KAFKA_*). */
  readonly screener: ScreenerSettings;
  /** Caps on every event decoded (FLOWSENTRY_MAX_EVENT_*, FLOWSENTRY_MAX_FUTURE_MS). */
  readonly eventLimits: ContractLimits;
  /** The chain watcher's (FLOWSENTRY_CHAINS, FLOWSENTRY_CHAIN_*, per-chain confirmations). */
  readonly chainWatcher: WatcherSettings;
}

export interface ScreenerSettings {
  /** How long the group waits for a silent member before moving its partitions. */
  readonly sessionTimeoutMs: number;
  /** How often the engine reads input end offsets (the floor of live latency). */
  readonly pollMs: number;
  /** Port of the screener's own /health and /metrics; 0 = not served (`flowsentry up` uses the API's). */
  readonly port: number;
  /** Directory of the scratch files that hold engine state at rest (the system's temporary directory by default). */
  readonly stateDir?: string;
  /** How the state changelog's pages are written: as they are, or gzipped. */
  readonly changelogCompression: ChangelogCompression;
}

export type ChangelogCompression = 'none' | 'gzip';
const CHANGELOG_COMPRESSIONS: readonly ChangelogCompression[] = ['none', 'gzip'];

function changelogCompression(env: Env): ChangelogCompression {
  const raw = env.FLOWSENTRY_CHANGELOG_COMPRESSION?.trim() || 'none';
  if (!(CHANGELOG_COMPRESSIONS as readonly string[]).includes(raw))
    throw new ConfigError(
      `FLOWSENTRY_CHANGELOG_COMPRESSION=${JSON.stringify(raw)} must be one of ${CHANGELOG_COMPRESSIONS.join('|')}`,
    );
  return raw as ChangelogCompression;
}

export type ApiRole = 'platform' | 'analyst' | 'supervisor' | 'admin';
const ROLES: readonly ApiRole[] = ['platform', 'analyst', 'supervisor', 'admin'];
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export type { Env } from './integer.ts';

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function brokers(env: Env): string[] {
  const out = list(env.KAFKA_BROKERS ?? '127.0.0.1:9092');
  for (const b of out) {
    if (!/^[A-Za-z0-9.\-[\]:]+:[0-9]{1,5}$/.test(b)) {
      throw new ConfigError(`KAFKA_BROKERS: ${JSON.stringify(b)} is not host:port`);
    }
  }
  if (out.length === 0) throw new ConfigError('KAFKA_BROKERS is empty');
  return out;
}

function url(env: Env, name: string, fallback: string, protocols: readonly string[]): string {
  const raw = env[name] ?? fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not a URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(
      `${name}: expected ${protocols.join(' or ')} URL, got ${parsed.protocol}`,
    );
  }
  return raw;
}

function apiTokens(env: Env): { token: string; role: ApiRole }[] {
  return list(env.FLOWSENTRY_API_TOKENS).map((pair) => {
    const at = pair.lastIndexOf(':');
    const token = pair.slice(0, at);
    const role = pair.slice(at + 1) as ApiRole;
    if (at <= 0 || !ROLES.includes(role)) {
      // Never echo the token itself: only its position.
      throw new ConfigError(
        `FLOWSENTRY_API_TOKENS: each entry must be token:role with role one of ${ROLES.join('|')}`,
      );
    }
    if (token.length < 16)
      throw new ConfigError('FLOWSENTRY_API_TOKENS: tokens must be at least 16 characters');
    return { token, role };
  });
}

/** Per-chain settings named `<PREFIX><CHAIN>`, e.g. FLOWSENTRY_RPC_ETHEREUM -> { ethereum: [...] }. */
function perChain(
  env: Env,
  prefix: string,
  protocols?: readonly string[],
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(prefix) || value === undefined) continue;
    const chain = name.slice(prefix.length).toLowerCase().replaceAll('_', '-');
    const values = list(value);
    if (protocols) for (const v of values) url({ [name]: v }, name, v, protocols);
    out[chain] = values;
  }
  return out;
}

/** Reads and validates the environment; throws ConfigError naming the variable that is wrong. */
export function loadConfig(env: Env = process.env): FlowsentryConfig {
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError(
      `LOG_LEVEL=${JSON.stringify(logLevel)} must be one of ${LOG_LEVELS.join('|')}`,
    );
  const base = {
    kafkaBrokers: brokers(env),
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    topics: Object.freeze({
      payroll: env.FLOWSENTRY_TOPIC_PAYROLL ?? 'payroll.events',
      transfers: env.FLOWSENTRY_TOPIC_TRANSFERS ?? 'chain.transfers',
      intel: env.FLOWSENTRY_TOPIC_INTEL ?? 'intel.reports',
      dlq: env.FLOWSENTRY_TOPIC_DLQ ?? 'flowsentry.dlq',
    }),
    groupId: env.FLOWSENTRY_GROUP_ID ?? 'flowsentry-screener',
    alertQueue: env.FLOWSENTRY_ALERT_QUEUE ?? 'alerts',
    apiPort: integer(env, 'FLOWSENTRY_API_PORT', 8080, 0, 65535),
    apiTokens: apiTokens(env),
    confirmations: integer(env, 'FLOWSENTRY_CONFIRMATIONS', 12, 0, 10_000),
    rpc: perChain(env, 'FLOWSENTRY_RPC_', ['http:', 'https:', 'ws:', 'wss:']),
    tokens: perChain(env, 'FLOWSENTRY_TOKENS_'),
    ...(env.FLOWSENTRY_RULES ? { rulesFile: env.FLOWSENTRY_RULES } : {}),
    redisPrefix: env.FLOWSENTRY_REDIS_PREFIX?.trim() || 'flowsentry',
    logLevel,
    api: apiOptions(env),
    eventLimits: contractLimits(env),
    screener: Object.freeze({
      sessionTimeoutMs: integer(env, 'FLOWSENTRY_KAFKA_SESSION_TIMEOUT_MS', 30_000, 6_000, 300_000),
      pollMs: integer(env, 'FLOWSENTRY_SCREENER_POLL_MS', 20, 1, 10_000),
      port: integer(env, 'FLOWSENTRY_SCREENER_PORT', 0, 0, 65535),
      ...(env.FLOWSENTRY_STATE_DIR?.trim() ? { stateDir: env.FLOWSENTRY_STATE_DIR.trim() } : {}),
      changelogCompression: changelogCompression(env),
    }),
  };
  return Object.freeze({ ...base, chainWatcher: watcherSettings(base, env) });
}
