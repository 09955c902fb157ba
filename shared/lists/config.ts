import { homedir } from 'node:os';
import { join } from 'node:path';
import { integer } from '../config/integer.ts';
import { ConfigError } from '../errors.ts';

/** Where OFAC publishes SDN_ADVANCED.XML (the Sanctions List Service). */
export const OFAC_SDN_ADVANCED_URL =
  'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_ADVANCED.XML';

/** Settings of the list commands and repositories, read once from the environment and frozen. */
export interface ListsConfig {
  /** FLOWSENTRY_HOME: embedded-mode state (default ~/.flowsentry). */
  readonly home: string;
  /** FLOWSENTRY_LISTS: `embedded` (files under home) or `redis`. */
  readonly store: 'embedded' | 'redis';
  /** REDIS_URL (default redis://127.0.0.1:6379). */
  readonly redisUrl: string;
  /** FLOWSENTRY_REDIS_PREFIX: prefix of every Redis key (default `flowsentry`). */
  readonly redisPrefix: string;
  /** FLOWSENTRY_OFAC_URL: where `lists sync` downloads SDN_ADVANCED.XML (any supported compression). */
  readonly ofacUrl: string;
  /** FLOWSENTRY_OFAC_CHECKSUM_URL: optional file holding the sha256 the download must have. */
  readonly ofacChecksumUrl?: string;
  /** FLOWSENTRY_SYNC_ATTEMPTS (default 3), FLOWSENTRY_SYNC_TIMEOUT_MS (120000), FLOWSENTRY_SYNC_BACKOFF_MS (2000). */
  readonly syncAttempts: number;
  readonly syncTimeoutMs: number;
  readonly syncBackoffMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

function url(env: Env, name: string, fallback?: string): string | undefined {
  const raw = env[name]?.trim() || fallback;
  if (raw === undefined) return undefined;
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:')
      throw new Error('scheme');
    return raw;
  } catch {
    throw new ConfigError(`${name} must be an http(s) or file URL, got ${JSON.stringify(raw)}`);
  }
}

/** Reads and checks the list settings; a bad value stops with one line naming the variable. */
export function listsConfig(env: Env = process.env): ListsConfig {
  const store = (env.FLOWSENTRY_LISTS?.trim() || 'embedded').toLowerCase();
  if (store !== 'embedded' && store !== 'redis') {
    throw new ConfigError(
      `FLOWSENTRY_LISTS must be "embedded" or "redis", got ${JSON.stringify(env.FLOWSENTRY_LISTS)}`,
    );
  }
  const redisUrl = env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
  if (!/^rediss?:\/\//.test(redisUrl))
    throw new ConfigError(
      `REDIS_URL must start with redis:// or rediss://, got ${JSON.stringify(redisUrl)}`,
    );
  const checksum = url(env, 'FLOWSENTRY_OFAC_CHECKSUM_URL');
  return Object.freeze({
    home: env.FLOWSENTRY_HOME?.trim() || join(homedir(), '.flowsentry'),
    store,
    redisUrl,
    redisPrefix: env.FLOWSENTRY_REDIS_PREFIX?.trim() || 'flowsentry',
    ofacUrl: url(env, 'FLOWSENTRY_OFAC_URL', OFAC_SDN_ADVANCED_URL)!,
    ...(checksum ? { ofacChecksumUrl: checksum } : {}),
    syncAttempts: integer(env, 'FLOWSENTRY_SYNC_ATTEMPTS', 3, 1, 100),
    syncTimeoutMs: integer(env, 'FLOWSENTRY_SYNC_TIMEOUT_MS', 120_000, 1, 86_400_000),
    syncBackoffMs: integer(env, 'FLOWSENTRY_SYNC_BACKOFF_MS', 2_000, 0, 3_600_000),
  });
}
