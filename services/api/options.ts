import { ConfigError } from '../../shared/errors.ts';

/** Settings only the API reads, beyond FlowsentryConfig; parsed once at start. */
export interface ApiOptions {
  readonly host: string;
  readonly refreshMs: number;
  readonly webhook: null | {
    readonly url: string;
    readonly secret: string;
    readonly attempts: number;
    readonly backoffMs: number;
  };
}

type Env = Readonly<Record<string, string | undefined>>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(
      `${name}=${JSON.stringify(raw)} must be an integer from ${min} to ${max}`,
    );
  return n;
}

function webhook(env: Env): ApiOptions['webhook'] {
  const url = env.FLOWSENTRY_WEBHOOK_URL;
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('FLOWSENTRY_WEBHOOK_URL is not a URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new ConfigError('FLOWSENTRY_WEBHOOK_URL must be http or https');
  const secret = env.FLOWSENTRY_WEBHOOK_SECRET ?? '';
  // Never echo the secret: only what is wrong with it.
  if (secret.length < 32)
    throw new ConfigError(
      'FLOWSENTRY_WEBHOOK_SECRET must be set, at least 32 characters, when FLOWSENTRY_WEBHOOK_URL is',
    );
  return {
    url,
    secret,
    attempts: int(env, 'FLOWSENTRY_WEBHOOK_ATTEMPTS', 8, 1, 50),
    backoffMs: int(env, 'FLOWSENTRY_WEBHOOK_BACKOFF_MS', 2_000, 10, 3_600_000),
  };
}

/** Reads FLOWSENTRY_API_HOST, FLOWSENTRY_API_REFRESH_MS and the FLOWSENTRY_WEBHOOK_* variables. */
export function loadApiOptions(env: Env = process.env): ApiOptions {
  return Object.freeze({
    host: env.FLOWSENTRY_API_HOST || '0.0.0.0',
    refreshMs: int(env, 'FLOWSENTRY_API_REFRESH_MS', 2_000, 100, 600_000),
    webhook: webhook(env),
  });
}
