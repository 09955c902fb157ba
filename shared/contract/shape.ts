import { Kind, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
// `{` and `[` are 0x7b and 0x5b, `}` and `]` 0x7d and 0x5d: one mask tells each pair apart.
const isOpen = (c: number) => (c | 0x20) === 0x7b;
const isClose = (c: number) => (c | 0x20) === 0x7d;

/**
 * True when JSON text nests objects and arrays deeper than `max`. One pass over the text,
 * before JSON.parse, so a 100,000-deep value costs a scan and never reaches code that recurses.
 */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (isOpen(c)) {
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

type Schema = TSchema & {
  properties?: Record<string, TSchema>;
  items?: TSchema;
  anyOf?: TSchema[];
};

/**
 * A copy of a checked value holding only what the schema names: a tolerant reader keeps the
 * event when a platform adds a field, but the field goes no further. The copy is as deep as
 * the schema, whatever the value held.
 */
export function knownFields(schema: TSchema, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const s = schema as Schema;
  switch (s[Kind]) {
    case 'Object': {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(s.properties ?? {}))
        if (Object.hasOwn(value, key))
          out[key] = knownFields(inner, (value as Record<string, unknown>)[key]);
      return out;
    }
    case 'Array':
      return Array.isArray(value) ? value.map((item) => knownFields(s.items!, item)) : value;
    case 'Union': {
      const branch = s.anyOf?.find((inner) => Value.Check(inner, value));
      return branch ? knownFields(branch, value) : value;
    }
    default:
      return value;
  }
}
