import { ConfigError } from '../errors.ts';

/** The environment as read: variable names to values. */
export type Env = Readonly<Record<string, string | undefined>>;

/** An integer variable within [min, max], or the fallback when unset; ConfigError names it otherwise. */
export function integer(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(
      `${name}=${JSON.stringify(raw)} must be an integer from ${min} to ${max}`,
    );
  }
  return n;
}
