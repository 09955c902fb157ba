import fc from 'fast-check';
import type { Envelope } from '../../shared/contract/index.ts';
import { LAZARUS_WALLET, payoutExecuted } from '../helpers/fixtures.ts';

/** Words that are keys of Object.prototype (or change it), as names, ids and field names. */
export const PROTOTYPE_WORDS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
] as const;

/** A field name: ordinary, or one that reaches Object.prototype in a careless lookup. */
export const fieldName = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(...PROTOTYPE_WORDS),
);

/** A JSON object's text from its entries, so `__proto__` stays an ordinary key in the text. */
export function objectText(entries: readonly (readonly [string, string])[]): string {
  return `{${entries.map(([k, text]) => `${JSON.stringify(k)}:${text}`).join(',')}}`;
}

/** The text of an event with extra fields (key, JSON text) at the top and inside `data`. */
export function withExtraFields(
  event: Envelope,
  top: readonly (readonly [string, string])[],
  inData: readonly (readonly [string, string])[],
): string {
  const entries = (o: object) => Object.entries(o).map(([k, v]) => [k, JSON.stringify(v)] as const);
  const data = objectText([...entries(event.data), ...inData]);
  const rest = entries(event).filter(([k]) => k !== 'data');
  return objectText([...rest, ...top, ['data', data]]);
}

/** Extra fields of any JSON value under ordinary and prototype names. */
export const extraFields = fc.array(
  fc.tuple(
    fieldName,
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
  ),
  { maxLength: 4 },
);

/** Text nested `depth` arrays deep. */
export const nested = (depth: number, inner = '0') =>
  `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

let serial = 0;

/** A valid payout to the Lazarus wallet (on the test list): screening it must raise an alert. */
export function listedPayout(occurredAt = '2026-11-02T10:00:00Z'): Envelope<'payout.executed'> {
  serial++;
  return payoutExecuted({
    id: `good-${serial}`,
    payoutId: `po-good-${serial}`,
    workerId: `w-good-${serial}`,
    toAddress: LAZARUS_WALLET,
    occurredAt,
  });
}

/** The required fields of a payout an attacker may give the wrong type. */
export const PAYOUT_PATHS = [
  ['id'],
  ['type'],
  ['schemaVersion'],
  ['occurredAt'],
  ['source'],
  ['data'],
  ['data', 'payoutId'],
  ['data', 'workerId'],
  ['data', 'amount'],
  ['data', 'asset'],
  ['data', 'chain'],
  ['data', 'toAddress'],
] as const;

/** A copy of `event` with the value at `path` replaced. */
export function replaced(event: Envelope, path: readonly string[], value: unknown): unknown {
  const copy = structuredClone(event) as unknown as Record<string, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

/** A JSON value that is not a string (what a required string field must never accept). */
export const notAString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fieldName, fc.string(), { maxKeys: 3 }),
);

/**
 * Message values the decoder must refuse, each with what makes it bad: not UTF-8 JSON,
 * JSON that is no event, nesting past the limit, a date far ahead, a wrong type, too big.
 */
export const hostileValue: fc.Arbitrary<Buffer> = fc.oneof(
  fc
    .uint8Array({ minLength: 1, maxLength: 64 })
    .map((b) => Buffer.concat([Buffer.from([0xff]), b])),
  fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
  fc.integer({ min: 33, max: 100_000 }).map((d) => {
    const e = listedPayout();
    return Buffer.from(withExtraFields(e, [['x', nested(d)]], []));
  }),
  fc.integer({ min: 2, max: 80_000 }).map((days) => {
    const at = new Date(Date.now() + days * 86_400_000).toISOString();
    return Buffer.from(JSON.stringify(listedPayout(at)));
  }),
  fc
    .tuple(fc.constantFrom(...PAYOUT_PATHS), notAString)
    .map(([path, value]) => Buffer.from(JSON.stringify(replaced(listedPayout(), path, value)))),
  fc
    .constant(0)
    .map(() =>
      Buffer.from(
        withExtraFields(listedPayout(), [['pad', JSON.stringify('x'.repeat(1_100_000))]], []),
      ),
    ),
);
