import type { TSchema } from '@sinclair/typebox';
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import { InvalidEventError } from '../errors.ts';
import { type Envelope, EnvelopeHeader } from './envelope.ts';
import { EVENT_DATA, type EventType } from './events.ts';

// Compiled once: TypeBox turns each schema into a straight-line checker, which keeps
// validation cheap enough for the engine's hot path.
const headerCheck = TypeCompiler.Compile(EnvelopeHeader);
const dataChecks = new Map<string, TypeCheck<TSchema>>(
  Object.entries(EVENT_DATA).map(([type, schema]) => [type, TypeCompiler.Compile(schema)]),
);

function firstProblem(check: TypeCheck<TSchema>, value: unknown, prefix: string): string {
  const error = check.Errors(value).First();
  if (!error) return `${prefix}invalid`;
  const where = `${prefix}${error.path.replace(/^\//, '').replaceAll('/', '.')}` || 'envelope';
  return `${where}: ${error.message}`;
}

/** Checks a decoded value against contract v1; throws InvalidEventError naming the first bad field. */
export function parseEvent(value: unknown): Envelope {
  if (!headerCheck.Check(value)) {
    const type = (value as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && !dataChecks.has(type)) {
      throw new InvalidEventError(`type: unknown event type ${JSON.stringify(type)}`);
    }
    throw new InvalidEventError(firstProblem(headerCheck, value, ''));
  }
  const check = dataChecks.get(value.type)!;
  if (!check.Check(value.data))
    throw new InvalidEventError(firstProblem(check, value.data, 'data.'));
  return value as Envelope;
}

/** Decodes a message value or a JSONL line (UTF-8 JSON) and validates it. */
export function decodeEvent(bytes: Uint8Array | string): Envelope {
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidEventError(`not JSON: ${(error as Error).message}`);
  }
  return parseEvent(value);
}

/** True when `type` is an event type of contract v1. */
export function isEventType(type: string): type is EventType {
  return dataChecks.has(type);
}
