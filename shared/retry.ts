import pRetry from 'p-retry';
import { FlowsentryError } from './errors.ts';

/**
 * Whether an error is worth retrying, read from its flags, never its text: ours carry
 * `retryable` / `poison`; kafkajs marks broker errors `retriable`; Node and ioredis give a
 * system `code` for a connection that failed.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof FlowsentryError) return error.retryable && !error.poison;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { retriable?: unknown; code?: unknown; name?: unknown };
  if (e.retriable === true) return true;
  if (e.name === 'KafkaJSNumberOfRetriesExceeded' || e.name === 'KafkaJSConnectionError')
    return true;
  return typeof e.code === 'string' && NETWORK_CODES.has(e.code);
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'NR_CLOSED',
]);

export interface RetryOptions {
  /** Attempts after the first (default: until it works or `signal` aborts). */
  readonly retries?: number;
  readonly minMs?: number;
  readonly maxMs?: number;
  readonly signal?: AbortSignal;
  /** Told of each failed attempt that will be retried (to log and report unready). */
  readonly onRetry?: (error: unknown, attempt: number) => void;
}

/**
 * Runs `step` again after a transient failure, with exponential backoff and full jitter
 * (p-retry); any other failure is thrown at once so the caller can dead-letter or stop.
 */
export function retrying<T>(step: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  return pRetry(step, {
    retries: options.retries ?? Number.POSITIVE_INFINITY,
    minTimeout: options.minMs ?? 100,
    maxTimeout: options.maxMs ?? 10_000,
    randomize: true,
    signal: options.signal,
    shouldRetry: ({ error }) => isTransient(error),
    onFailedAttempt: ({ error, attemptNumber }) => {
      if (isTransient(error)) options.onRetry?.(error, attemptNumber);
    },
  });
}
