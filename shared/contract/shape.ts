import { Kind, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
// `{` and `[` are 0x7b and 0x5b, `}` and `]` 0x7d and 0x5d: one mask tells each pair apart.
const isOpen = (c: number) => (c | 0x20) === 0x7b;
const isClose = (c: number) => (c | 0x20) === 0x7d;

/** The index of the quote that closes the string opened at `open`, or -1 when none does. */
function closingQuote(text: string, open: number): number {
  let at = open;
  for (;;) {
    // indexOf jumps through the string natively; a quote after an odd run of backslashes
    // is escaped. Each backslash is counted for one quote only, so this stays linear.
    at = text.indexOf('"', at + 1);
    if (at === -1) return -1;
    let slashes = 0;
    while (text.charCodeAt(at - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return at;
  }
}

/**
 * True when the text holds at most `max` of `{` and `[` in all: it cannot nest deeper then.
 * indexOf skips through the text natively; an event has a handful of them.
 */
function openersAtMost(text: string, max: number): boolean {
  let count = 0;
  for (const opener of ['{', '[']) {
    for (let at = text.indexOf(opener); at !== -1; at = text.indexOf(opener, at + 1))
      if (++count > max) return false;
  }
  return true;
}

/**
 * True when JSON text nests objects and arrays deeper than `max`. One pass over the text,
 * before JSON.parse, so a 100,000-deep value costs a scan and never reaches code that recurses.
 */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  if (openersAtMost(text, max)) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = closingQuote(text, i);
      if (i === -1) return false; // not JSON: the parser says so
    } else if (isOpen(c)) {
      if (++depth > max) return true;
    } else if (isClose(c)) depth--;
  }
  return false;
}

/** True when a value (already parsed) nests deeper than `max`; walks with its own stack. */
export function valueNestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** A UTF-16 surrogate standing alone (a pair makes one astral code point, which is no `Cs`). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Where `value` holds a string (a value or a name) with a lone surrogate, as a path
 * (`data.workerId`), or undefined. Such a string survives `JSON.parse` (`"\ud800"`) but
 * not UTF-8, which every store and topic downstream writes: it would come back as U+FFFD,
 * another id, and its records would no longer be found.
 */
export function illFormedStringAt(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path || '(value)' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (LONE_SURROGATE.test(key)) return at;
    const found = illFormedStringAt(child, at);
    if (found !== undefined) return found;
  }
  return undefined;
}

type Schema = TSchema & {
  properties?: Record<string, TSchema>;
  items?: TSchema;
  anyOf?: TSchema[];
};
type Pick = (value: unknown) => unknown;

const keep: Pick = (value) => value;
const pickers = new WeakMap<TSchema, Pick>();

/** The copying function for one schema, built once: known keys in a plain loop. */
function pickerFor(schema: TSchema): Pick {
  let pick = pickers.get(schema);
  if (!pick) {
    pick = buildPicker(schema as Schema);
    pickers.set(schema, pick);
  }
  return pick;
}

function buildPicker(s: Schema): Pick {
  switch (s[Kind]) {
    case 'Object': {
      const fields = Object.entries(s.properties ?? {}).map(
        ([k, inner]) => [k, pickerFor(inner)] as const,
      );
      return (value) => {
        if (value === null || typeof value !== 'object') return value;
        const out: Record<string, unknown> = {};
        for (const [key, pick] of fields)
          if (Object.hasOwn(value, key)) out[key] = pick((value as Record<string, unknown>)[key]);
        return out;
      };
    }
    case 'Array': {
      const item = pickerFor(s.items!);
      return (value) => (Array.isArray(value) ? value.map(item) : value);
    }
    case 'Union': {
      const branches = s.anyOf ?? [];
      return (value) => {
        if (value === null || typeof value !== 'object') return value;
        const branch = branches.find((inner) => Value.Check(inner, value));
        return branch ? pickerFor(branch)(value) : value;
      };
    }
    default:
      return keep;
  }
}

/**
 * A copy of a checked value holding only what the schema names: a tolerant reader keeps the
 * event when a platform adds a field, but the field goes no further. The copy is as deep as
 * the schema, whatever the value held.
 */
export function knownFields(schema: TSchema, value: unknown): unknown {
  return pickerFor(schema)(value);
}

/**
 * The schema with every object closed (`additionalProperties: false`): a value that passes it
 * holds nothing unknown and needs no copy. Spreading keeps TypeBox's symbol keys.
 */
export function closedSchema(schema: TSchema): TSchema {
  const s = schema as Schema;
  switch (s[Kind]) {
    case 'Object':
      return {
        ...s,
        additionalProperties: false,
        properties: Object.fromEntries(
          Object.entries(s.properties ?? {}).map(([k, inner]) => [k, closedSchema(inner)]),
        ),
      } as TSchema;
    case 'Array':
      return { ...s, items: closedSchema(s.items!) } as TSchema;
    case 'Union':
      return { ...s, anyOf: (s.anyOf ?? []).map(closedSchema) } as TSchema;
    default:
      return s;
  }
}
