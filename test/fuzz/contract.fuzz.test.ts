import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTRACT_LIMITS, decodeEvent } from '../../shared/contract/index.ts';
import { isError } from '../../shared/errors.ts';
import {
  extraFields,
  hostileValue,
  listedPayout,
  nested,
  notAString,
  PAYOUT_PATHS,
  replaced,
  withExtraFields,
} from './arbitraries.ts';

// Property tests of the contract decoder: whatever bytes arrive, it answers with an event
// or an InvalidEventError naming why, and an accepted event holds nothing unknown.

const NOW = Date.parse('2026-11-02T12:00:00Z');
const now = () => NOW;

/** The decoder's answer: the event, or the reason it was refused (any other error fails). */
function answer(value: Uint8Array | string): { event?: unknown; reason?: string } {
  try {
    return { event: decodeEvent(value, { now }) };
  } catch (error) {
    if (!isError(error, 'INVALID_EVENT')) throw error;
    expect((error as Error).message.length).toBeGreaterThan(0);
    return { reason: (error as Error).message };
  }
}

/** Every object in a value has Object.prototype as its prototype: nothing was re-parented. */
function plainObjects(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(plainObjects);
}

describe('contract decoder under arbitrary input', () => {
  it('answers any bytes, string or JSON value with an event or a reason, never another error', () => {
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.string({ maxLength: 200 }),
      fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
      hostileValue,
    );
    fc.assert(
      fc.property(input, (value) => void answer(value)),
      { numRuns: 400 },
    );
  });

  it('refuses every hostile value with a reason', () => {
    fc.assert(
      fc.property(hostileValue, (value) => {
        expect(answer(value).reason).toBeDefined();
      }),
      { numRuns: 150 },
    );
  });

  it('keeps an event with unknown fields (prototype names included) and drops only those', () => {
    fc.assert(
      fc.property(extraFields, extraFields, (top, inData) => {
        const event = listedPayout();
        const decoded = answer(withExtraFields(event, top, inData)).event;
        expect(decoded).toEqual(event);
        expect(plainObjects(decoded)).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('names the field when a required one has the wrong type', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAYOUT_PATHS), notAString, (path, value) => {
        const { reason } = answer(JSON.stringify(replaced(listedPayout(), path, value)));
        const field = path[path.length - 1]!;
        expect(reason).toMatch(field === 'type' ? /type|unknown event type/ : new RegExp(field));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses nesting past the depth limit at once, and accepts it below', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 150_000 }), (depth) => {
        const text = withExtraFields(listedPayout(), [], [['ext', nested(depth)]]);
        const started = performance.now();
        const { event, reason } = answer(text);
        expect(performance.now() - started).toBeLessThan(250);
        // The envelope is level 1, data level 2: the arrays start at level 3.
        if (depth + 2 <= DEFAULT_CONTRACT_LIMITS.maxEventDepth) expect(event).toBeDefined();
        else expect(reason).toMatch(/^nested deeper than 32 levels/);
      }),
      { numRuns: 60 },
    );
  });

  it('never counts brackets, quotes or backslashes inside a string as nesting', () => {
    const tricky = fc.string({
      unit: fc.constantFrom('[', '{', ']', '}', '"', '\\', 'a'),
      maxLength: 150,
    });
    fc.assert(
      fc.property(tricky, (text) => {
        const e = listedPayout();
        const event = { ...e, data: { ...e.data, payoutId: `p${text}` } };
        expect(answer(JSON.stringify(event)).event).toEqual(event);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts a time up to the allowance past the wall clock and refuses any later one', () => {
    const past = Date.parse('1970-01-01T00:00:00Z') - NOW;
    const future = Date.parse('9999-12-31T00:00:00Z') - NOW;
    fc.assert(
      fc.property(fc.integer({ min: past, max: future }), (offset) => {
        const at = new Date(NOW + offset).toISOString();
        const { event, reason } = answer(JSON.stringify(listedPayout(at)));
        if (offset <= DEFAULT_CONTRACT_LIMITS.maxFutureMs) expect(event).toBeDefined();
        else expect(reason).toMatch(/^occurredAt: .* after the wall clock/);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a value over the size limit, and huge text in a known field', () => {
    const big = 'x'.repeat(DEFAULT_CONTRACT_LIMITS.maxEventBytes);
    expect(
      answer(withExtraFields(listedPayout(), [['pad', JSON.stringify(big)]], [])).reason,
    ).toMatch(/^event is \d+ bytes, more than 1048576/);
    fc.assert(
      fc.property(fc.integer({ min: 301, max: 500_000 }), (length) => {
        const e = listedPayout();
        const text = JSON.stringify({ ...e, data: { ...e.data, workerId: 'w'.repeat(length) } });
        expect(answer(text).reason).toMatch(/^data\.workerId/);
      }),
      { numRuns: 30 },
    );
  });

  it('gives back an event that encodes and decodes to itself', () => {
    fc.assert(
      fc.property(extraFields, (top) => {
        const { event } = answer(withExtraFields(listedPayout(), top, []));
        expect(answer(JSON.stringify(event)).event).toEqual(event);
      }),
      { numRuns: 100 },
    );
  });
});
