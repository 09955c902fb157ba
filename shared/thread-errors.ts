import { FlowsentryError } from './errors.ts';

// Errors cross a worker_threads boundary as plain data (structured clone keeps an Error's
// text but drops the flags its class or a library set). The retry decision reads those
// flags (`retry.ts`), so they travel along, and the error is rebuilt on the other side with
// the same name, text, stack and flags.

/** The fields of an error that survive a message between threads. */
export interface ErrorMessage {
  readonly name: string;
  readonly message: string;
  readonly stack?: string | undefined;
  readonly retriable?: unknown;
  readonly retryable?: unknown;
  readonly poison?: unknown;
  readonly code?: unknown;
  readonly type?: unknown;
}

const FLAGS = ['retriable', 'retryable', 'poison', 'code', 'type'] as const;

/** An error (or any thrown value) as plain data for `postMessage`. */
export function errorMessage(error: unknown): ErrorMessage {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const out: Record<string, unknown> = {
    name: error.name,
    message: error.message,
    stack: error.stack,
  };
  for (const flag of FLAGS) {
    const value = (error as unknown as Record<string, unknown>)[flag];
    // Only plain values: a flag that is an object or function would not clone.
    if (value !== undefined && typeof value !== 'object' && typeof value !== 'function')
      out[flag] = value;
  }
  return out as unknown as ErrorMessage;
}

/**
 * Rebuilds an error `errorMessage` described (a thrown Error is returned as is): one of
 * ours as a FlowsentryError again, whose class is what `isTransient` reads.
 */
export function errorFrom(value: unknown): Error {
  if (value instanceof Error) return value;
  const m = value as Partial<ErrorMessage> | undefined;
  const ours = typeof m?.retryable === 'boolean' && typeof m.code === 'string';
  const error = ours
    ? new FlowsentryError(
        m.code as string,
        m.message ?? '',
        m.retryable === true,
        m.poison === true,
      )
    : new Error(m?.message ?? String(value));
  if (m?.name) error.name = m.name;
  if (m?.stack) error.stack = m.stack;
  for (const flag of FLAGS)
    if (m?.[flag] !== undefined) (error as unknown as Record<string, unknown>)[flag] = m[flag];
  return error;
}

/** Log fields that survive a message between threads: an error keeps its name, text and flags. */
export function cloneable(fields: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields))
    out[key] = value instanceof Error ? errorMessage(value) : value;
  return out;
}
