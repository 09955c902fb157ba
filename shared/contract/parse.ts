import type { TSchema } from '@sinclair/typebox';
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import { InvalidEventError } from '../errors.ts';
import { forTerminal, jsonForTerminal } from '../log/terminal.ts';
import { type Envelope, EnvelopeHeader, envelopeSchemaFor } from './envelope.ts';
import { EVENT_DATA, type EventType } from './events.ts';
import { CONTRACT_LIMIT_VARIABLES, type ContractLimits, contractLimits } from './limits.ts';
import {
  closedSchema,
  illFormedStringAt,
  jsonNestsDeeperThan,
  knownFields,
  valueNestsDeeperThan,
} from './shape.ts';

// Compiled once: TypeBox turns each schema into a straight-line checker, which keeps
// validation cheap enough for the engine's hot path.
const headerCheck = TypeCompiler.Compile(EnvelopeHeader);
const dataChecks = new Map<string, TypeCheck<TSchema>>(
  Object.entries(EVENT_DATA).map(([type, schema]) => [type, TypeCompiler.Compile(schema)]),
);
const envelopeSchemas = new Map<string, TSchema>(
  Object.keys(EVENT_DATA).map((type) => [type, envelopeSchemaFor(type as EventType)]),
);
// The common case, an event with no field the contract does not know, passes one closed
// check and is used as is; only an event with extra fields is checked part by part and copied.
const exactChecks = new Map<string, TypeCheck<TSchema>>(
  [...envelopeSchemas].map(([type, schema]) => [type, TypeCompiler.Compile(closedSchema(schema))]),
);

/**
 * How an event is decoded: the limits and the wall clock. A service reads `contractLimits()`
 * once at start (a bad variable stops it there) and passes them; any limit not given comes
 * from the environment.
 */
export interface DecodeOptions {
  readonly limits?: Partial<ContractLimits>;
  /** Milliseconds since the epoch; tests fix it. */
  readonly now?: () => number;
}

let fromEnvironment: ContractLimits | undefined;

function limitsOf(options: DecodeOptions): ContractLimits {
  fromEnvironment ??= contractLimits();
  return options.limits ? { ...fromEnvironment, ...options.limits } : fromEnvironment;
}

/**
 * Input quoted in a reason: reasons travel as dead-letter headers and reach terminals, so
 * they stay short and hold no control characters.
 */
function quoted(text: string): string {
  const printable = forTerminal(text);
  const cut = printable.length > 64 ? `${printable.slice(0, 64)}…` : printable;
  return jsonForTerminal(JSON.stringify(cut));
}

function firstProblem(check: TypeCheck<TSchema>, value: unknown, prefix: string): string {
  const error = check.Errors(value).First();
  if (!error) return `${prefix}invalid`;
  const where = `${prefix}${error.path.replace(/^\//, '').replaceAll('/', '.')}` || 'envelope';
  return `${where}: ${error.message}`;
}

function tooDeep(limits: ContractLimits): InvalidEventError {
  return new InvalidEventError(
    `nested deeper than ${limits.maxEventDepth} levels (${CONTRACT_LIMIT_VARIABLES.maxEventDepth})`,
  );
}

// Events in time order come in runs of the same time: the last one parsed is remembered.
let lastText: string | undefined;
let lastTime = Number.NaN;

function timeOf(occurredAt: string): number {
  if (occurredAt !== lastText) {
    lastTime = Date.parse(occurredAt);
    lastText = occurredAt;
  }
  return lastTime;
}

/** An event dated far ahead would move event time, the watermark and retention for good. */
function refuseFuture(event: Envelope, limits: ContractLimits, now: number): void {
  const at = timeOf(event.occurredAt);
  if (at > now + limits.maxFutureMs)
    throw new InvalidEventError(
      `occurredAt: ${event.occurredAt} is more than ${limits.maxFutureMs} ms after the wall clock ${new Date(now).toISOString()} (${CONTRACT_LIMIT_VARIABLES.maxFutureMs})`,
    );
}

function checked(value: unknown, limits: ContractLimits, now: number): Envelope {
  const event = exactly(value) ?? tolerated(value);
  refuseFuture(event, limits, now);
  return event;
}

/** The value itself when it is a valid event with nothing unknown in it. */
function exactly(value: unknown): Envelope | undefined {
  const type = (value as { type?: unknown } | null)?.type;
  const exact = typeof type === 'string' ? exactChecks.get(type) : undefined;
  return exact?.Check(value) ? (value as Envelope) : undefined;
}

/** A copy of a valid event without its unknown fields; InvalidEventError when it is not valid. */
function tolerated(value: unknown): Envelope {
  if (!headerCheck.Check(value)) {
    const type = (value as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && !dataChecks.has(type)) {
      throw new InvalidEventError(`type: unknown event type ${quoted(type)}`);
    }
    throw new InvalidEventError(firstProblem(headerCheck, value, ''));
  }
  const check = dataChecks.get(value.type)!;
  if (!check.Check(value.data))
    throw new InvalidEventError(firstProblem(check, value.data, 'data.'));
  return knownFields(envelopeSchemas.get(value.type)!, value) as Envelope;
}

/**
 * Checks a decoded value against contract v1 and returns it (a copy without its unknown
 * fields when it has any); throws InvalidEventError naming the first bad field, or the limit.
 */
export function parseEvent(value: unknown, options: DecodeOptions = {}): Envelope {
  const limits = limitsOf(options);
  if (valueNestsDeeperThan(value, limits.maxEventDepth)) throw tooDeep(limits);
  refuseIllFormed(value);
  return checked(value, limits, (options.now ?? Date.now)());
}

/** A JSON escape of a UTF-16 surrogate: the only way text decoded from UTF-8 yields one. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** Throws InvalidEventError when a string of the event is not well-formed Unicode. */
function refuseIllFormed(value: unknown): void {
  const at = illFormedStringAt(value);
  if (at !== undefined)
    throw new InvalidEventError(
      `${at}: not well-formed Unicode (a lone UTF-16 surrogate, written as a \\u escape)`,
    );
}

/**
 * The UTF-8 size of `text`, counted only when it could be over `max`: a UTF-16 unit is at
 * most 3 bytes, so a short text is under the limit whatever it holds (and stands for 0).
 */
function utf8Size(text: string, max: number): number {
  return text.length * 3 <= max ? 0 : Buffer.byteLength(text, 'utf8');
}

/** Decodes a message value or a JSONL line (UTF-8 JSON): size and depth first, then the contract. */
export function decodeEvent(bytes: Uint8Array | string, options: DecodeOptions = {}): Envelope {
  const limits = limitsOf(options);
  const size = typeof bytes === 'string' ? utf8Size(bytes, limits.maxEventBytes) : bytes.byteLength;
  if (size > limits.maxEventBytes)
    throw new InvalidEventError(
      `event is ${size} bytes, more than ${limits.maxEventBytes} (${CONTRACT_LIMIT_VARIABLES.maxEventBytes})`,
    );
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');
  if (jsonNestsDeeperThan(text, limits.maxEventDepth)) throw tooDeep(limits);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8 quotes a piece of the input in its message: keep it short and printable.
    throw new InvalidEventError(`not JSON: ${forTerminal((error as Error).message).slice(0, 200)}`);
  }
  if (SURROGATE_ESCAPE.test(text)) refuseIllFormed(value);
  return checked(value, limits, (options.now ?? Date.now)());
}

/** True when `type` is an event type of contract v1. */
export function isEventType(type: string): type is EventType {
  return dataChecks.has(type);
}
