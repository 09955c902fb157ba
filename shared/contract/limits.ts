import { type Env, integer } from '../config/integer.ts';

/** What the decoder accepts before it looks at the contract; each has a variable and a default. */
export interface ContractLimits {
  /** FLOWSENTRY_MAX_EVENT_BYTES: the largest message value or JSONL line, in UTF-8 bytes. */
  readonly maxEventBytes: number;
  /** FLOWSENTRY_MAX_EVENT_DEPTH: the deepest nesting of objects and arrays, the envelope being 1. */
  readonly maxEventDepth: number;
  /** FLOWSENTRY_MAX_FUTURE_MS: how far past the wall clock an occurredAt may lie (clock skew). */
  readonly maxFutureMs: number;
}

/**
 * The defaults. The contract's own deepest path (envelope > data > devices > device) is 4
 * levels and its largest event (1,000 reported wallets) about 150 KB, so both leave room for
 * fields a platform adds; one day of skew covers any clock but not a date typed wrongly.
 */
export const DEFAULT_CONTRACT_LIMITS: ContractLimits = Object.freeze({
  maxEventBytes: 1_048_576,
  maxEventDepth: 32,
  maxFutureMs: 86_400_000,
});

/** The variable that sets each limit, for messages and docs. */
export const CONTRACT_LIMIT_VARIABLES: Readonly<Record<keyof ContractLimits, string>> =
  Object.freeze({
    maxEventBytes: 'FLOWSENTRY_MAX_EVENT_BYTES',
    maxEventDepth: 'FLOWSENTRY_MAX_EVENT_DEPTH',
    maxFutureMs: 'FLOWSENTRY_MAX_FUTURE_MS',
  });

/** Reads the limits from the environment; a bad value is a ConfigError naming the variable. */
export function contractLimits(env: Env = process.env): ContractLimits {
  const v = CONTRACT_LIMIT_VARIABLES;
  const d = DEFAULT_CONTRACT_LIMITS;
  return Object.freeze({
    maxEventBytes: integer(env, v.maxEventBytes, d.maxEventBytes, 256, 64 * 1_048_576),
    maxEventDepth: integer(env, v.maxEventDepth, d.maxEventDepth, 4, 1_000),
    maxFutureMs: integer(env, v.maxFutureMs, d.maxFutureMs, 0, 366 * 86_400_000),
  });
}
