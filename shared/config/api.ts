import { ConfigError } from '../errors.ts';
import { type Env, integer } from './integer.ts';

/** Settings only the API reads; part of FlowsentryConfig, parsed with it at start. */
export interface ApiOptions {
  readonly host: string;
  readonly refreshMs: number;
  /** Requests a token may make per minute (0: no limit); `/v1/screen` has its own budget. */
  readonly rateLimit: { readonly perMinute: number; readonly screenPerMinute: number };
  readonly webhook: null | {
    readonly url: string;
    readonly secret: string;
    readonly attempts: number;
    readonly backoffMs: number;
  };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Plain http would carry alerts and their signature in the clear: only to this machine. */
function webhookUrl(raw: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError('FLOWSENTRY_WEBHOOK_URL is not a URL');
  }
  if (parsed.protocol === 'https:') return raw;
  if (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)) return raw;
  throw new ConfigError(
    'FLOWSENTRY_WEBHOOK_URL must be https (plain http only to localhost, 127.0.0.1 or [::1])',
  );
}

function webhook(env: Env): ApiOptions['webhook'] {
  const url = env.FLOWSENTRY_WEBHOOK_URL;
  if (!url) return null;
  const secret = env.FLOWSENTRY_WEBHOOK_SECRET ?? '';
  // Never echo the secret: only what is wrong with it.
  if (secret.length < 32)
    throw new ConfigError(
      'FLOWSENTRY_WEBHOOK_SECRET must be set, at least 32 characters, when FLOWSENTRY_WEBHOOK_URL is',
    );
  return {
    url: webhookUrl(url),
    secret,
    attempts: integer(env, 'FLOWSENTRY_WEBHOOK_ATTEMPTS', 8, 1, 50),
    backoffMs: integer(env, 'FLOWSENTRY_WEBHOOK_BACKOFF_MS', 2_000, 10, 3_600_000),
  };
}

/** Reads FLOWSENTRY_API_HOST, _REFRESH_MS, _RATE_LIMIT, _SCREEN_RATE_LIMIT and FLOWSENTRY_WEBHOOK_*. */
export function apiOptions(env: Env): ApiOptions {
  return Object.freeze({
    host: env.FLOWSENTRY_API_HOST || '0.0.0.0',
    refreshMs: integer(env, 'FLOWSENTRY_API_REFRESH_MS', 2_000, 100, 600_000),
    rateLimit: Object.freeze({
      perMinute: integer(env, 'FLOWSENTRY_API_RATE_LIMIT', 600, 0, 10_000_000),
      screenPerMinute: integer(env, 'FLOWSENTRY_API_SCREEN_RATE_LIMIT', 6_000, 0, 10_000_000),
    }),
    webhook: webhook(env),
  });
}
