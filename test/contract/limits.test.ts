import { describe, expect, it } from 'vitest';
import {
  contractLimits,
  DEFAULT_CONTRACT_LIMITS,
  decodeEvent,
  parseEvent,
  TOPIC_EVENT_TYPES,
  topicMayCarry,
} from '../../shared/contract/index.ts';
import { payoutExecuted } from '../helpers/fixtures.ts';
import { reasonOf } from './reason.ts';

const NOW = Date.parse('2026-11-02T12:00:00Z');
const now = () => NOW;

/** A payout whose data carries an unknown field nested `depth` levels deep. */
function deepText(depth: number): string {
  const e = payoutExecuted();
  const json = JSON.stringify({ ...e, data: { ...e.data, extension: '@' } });
  return json.replace('"@"', `${'['.repeat(depth)}${']'.repeat(depth)}`);
}

describe('contract limits: depth and size before anything else', () => {
  it('refuses an unknown field nested 100,000 deep (200 KB) at once, naming the limit', () => {
    const text = deepText(100_000);
    expect(text.length).toBeGreaterThan(200_000);
    const start = performance.now();
    expect(reasonOf(() => decodeEvent(text, { now }))).toBe(
      'nested deeper than 32 levels (FLOWSENTRY_MAX_EVENT_DEPTH)',
    );
    expect(reasonOf(() => decodeEvent(Buffer.from(text), { now }))).toMatch(/^nested deeper/);
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('refuses an already-parsed value nested 100,000 deep without recursing', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = { deeper: deep };
    const e = payoutExecuted();
    expect(reasonOf(() => parseEvent({ ...e, data: { ...e.data, deep } }, { now }))).toMatch(
      /^nested deeper than 32 levels/,
    );
  });

  it('accepts nesting up to the limit, and the limit can be set', () => {
    expect(decodeEvent(deepText(29), { now }).type).toBe('payout.executed');
    expect(reasonOf(() => decodeEvent(deepText(29), { now, limits: { maxEventDepth: 8 } }))).toBe(
      'nested deeper than 8 levels (FLOWSENTRY_MAX_EVENT_DEPTH)',
    );
  });

  it('does not count brackets inside strings, escaped quotes and backslashes included', () => {
    for (const payoutId of [
      `po-${'[{'.repeat(90)}`,
      `po-\\"${'['.repeat(90)}`,
      `po-\\\\${'{'.repeat(90)}"\\`,
      `"${'['.repeat(60)}"${'\\'.repeat(5)}"${'['.repeat(60)}`,
    ]) {
      const e = payoutExecuted({ payoutId });
      expect(decodeEvent(JSON.stringify(e), { now }).type === 'payout.executed').toBe(true);
    }
  });

  it('refuses a message over the size limit before parsing it', () => {
    const e = payoutExecuted();
    const big = JSON.stringify({
      ...e,
      padding: 'x'.repeat(DEFAULT_CONTRACT_LIMITS.maxEventBytes),
    });
    expect(reasonOf(() => decodeEvent(big, { now }))).toMatch(
      /^event is \d+ bytes, more than 1048576 \(FLOWSENTRY_MAX_EVENT_BYTES\)$/,
    );
    const small = JSON.stringify(e);
    expect(reasonOf(() => decodeEvent(small, { now, limits: { maxEventBytes: 100 } }))).toMatch(
      /more than 100 /,
    );
  });
});

describe('contract: a tolerant reader', () => {
  it('keeps an event with fields it does not know, and drops those fields', () => {
    const e = payoutExecuted({ amount: '10.5' });
    const text = JSON.stringify({
      ...e,
      traceparent: '00-abc',
      data: { ...e.data, tip: { currency: 'EUR', amount: '1' }, notes: 'x'.repeat(10_000) },
    });
    const parsed = decodeEvent(text, { now });
    expect(parsed).toEqual(e);
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(e).sort());
  });

  it('drops prototype keys and leaves the prototype alone', () => {
    const e = payoutExecuted();
    const json = JSON.stringify(e).replace(
      '"data":{',
      '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"data":{"__proto__":{"isAdmin":true},',
    );
    const parsed = decodeEvent(json, { now });
    expect(parsed).toEqual(e);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(parsed.data)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('drops unknown fields inside nested known objects and arrays', () => {
    const worker = {
      type: 'worker.upserted',
      schemaVersion: 1,
      id: 'worker.upserted:1',
      occurredAt: '2026-11-02T10:00:00Z',
      source: 'payroll',
      data: {
        workerId: 'w-1',
        legalName: 'Ana Lima',
        devices: [{ ip: '10.0.0.1', vpn: false, extra: [[['deep']]] }],
        payoutWallets: [{ chain: 'ethereum', address: `0x${'1'.repeat(40)}`, label: 'main' }],
      },
    };
    const parsed = parseEvent(worker, { now });
    expect(parsed.type === 'worker.upserted' && parsed.data.devices).toEqual([
      { ip: '10.0.0.1', vpn: false },
    ]);
    expect(parsed.type === 'worker.upserted' && parsed.data.payoutWallets).toEqual([
      { chain: 'ethereum', address: `0x${'1'.repeat(40)}` },
    ]);
    expect(worker.data.devices[0]).toHaveProperty('extra');
  });
});

describe('contract: event time against the wall clock', () => {
  it('refuses an event dated 2099 with the reason and the variable', () => {
    const e = payoutExecuted({ occurredAt: '2099-01-01T00:00:00Z' });
    expect(reasonOf(() => decodeEvent(JSON.stringify(e), { now }))).toBe(
      'occurredAt: 2099-01-01T00:00:00Z is more than 86400000 ms after the wall clock 2026-11-02T12:00:00.000Z (FLOWSENTRY_MAX_FUTURE_MS)',
    );
  });

  it('allows a day of clock skew, not a second more, and takes another allowance', () => {
    const at = (ms: number) => payoutExecuted({ occurredAt: new Date(NOW + ms).toISOString() });
    expect(parseEvent(at(86_400_000), { now }).type).toBe('payout.executed');
    expect(reasonOf(() => parseEvent(at(86_401_000), { now }))).toMatch(/^occurredAt: /);
    expect(
      reasonOf(() => parseEvent(at(61_000), { now, limits: { maxFutureMs: 60_000 } })),
    ).toMatch(/more than 60000 ms/);
  });

  it('reads the offset of the timestamp, and accepts old events', () => {
    const ahead = payoutExecuted({ occurredAt: '2026-11-03T23:00:00+14:00' });
    expect(parseEvent(ahead, { now }).occurredAt).toBe('2026-11-03T23:00:00+14:00');
    const old = payoutExecuted({ occurredAt: '1999-01-01T00:00:00Z' });
    expect(parseEvent(old, { now }).type).toBe('payout.executed');
  });
});

describe('contract limits from the environment', () => {
  it('has documented defaults and reads the variables', () => {
    expect(contractLimits({})).toEqual({
      maxEventBytes: 1_048_576,
      maxEventDepth: 32,
      maxFutureMs: 86_400_000,
    });
    expect(
      contractLimits({
        FLOWSENTRY_MAX_EVENT_BYTES: '65536',
        FLOWSENTRY_MAX_EVENT_DEPTH: '10',
        FLOWSENTRY_MAX_FUTURE_MS: '0',
      }),
    ).toEqual({ maxEventBytes: 65_536, maxEventDepth: 10, maxFutureMs: 0 });
  });

  it('stops with one line naming a bad variable', () => {
    expect(() => contractLimits({ FLOWSENTRY_MAX_FUTURE_MS: '1d' })).toThrow(
      /^FLOWSENTRY_MAX_FUTURE_MS="1d" must be an integer/,
    );
    expect(() => contractLimits({ FLOWSENTRY_MAX_EVENT_DEPTH: '1' })).toThrow(
      /FLOWSENTRY_MAX_EVENT_DEPTH/,
    );
  });
});

describe('which topic carries which events', () => {
  it('binds each event type to exactly one input topic role', () => {
    expect(TOPIC_EVENT_TYPES).toEqual({
      payroll: ['worker.upserted', 'payout.requested', 'payout.executed'],
      transfers: ['transfer.observed', 'transfer.retracted'],
      intel: ['extortion.reported'],
    });
    expect(topicMayCarry('intel', 'transfer.retracted')).toBe(false);
    expect(topicMayCarry('transfers', 'transfer.retracted')).toBe(true);
    expect(topicMayCarry('constructor' as 'intel', 'extortion.reported')).toBe(false);
  });
});

describe('reasons quote input briefly and printably', () => {
  it('cuts a long unknown type and strips terminal codes from quoted input', () => {
    const e = payoutExecuted();
    const type = `pay\u001b]0;owned\u0007out${'x'.repeat(10_000)}`;
    const reason = reasonOf(() => decodeEvent(JSON.stringify({ ...e, type }), { now }));
    expect(reason).toBe(`type: unknown event type "payout${'x'.repeat(58)}…"`);
    const notJson = reasonOf(() => decodeEvent(`{"type": \u001b[2J\u009b${'y'.repeat(5000)}`));
    expect(notJson).toMatch(/^not JSON: /);
    expect(notJson.length).toBeLessThanOrEqual(210);
    expect(notJson.includes('\u001b') || notJson.includes('\u009b')).toBe(false);
  });
});
