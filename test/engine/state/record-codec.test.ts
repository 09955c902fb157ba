import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packEvent } from '../../../shared/engine/state/event-codec.ts';
import { decodeRecord, encodeRecord } from '../../../shared/engine/state/record-codec.ts';
import { payoutExecuted } from '../../helpers/fixtures.ts';

const roundTrip = (v: unknown) => decodeRecord(encodeRecord(v));

/** A wallet record as the engine keeps one after a single payout. */
const wallet = {
  key: 'evm:0x00000000000000000000000000000000002dc6c9',
  chain: 'ethereum',
  address: '0x00000000000000000000000000000000002dc6C9',
  balances: { USD: 1000.5 },
  origins: [
    {
      workerId: 'w-0',
      payoutIds: ['bench-po-0'],
      wallet: '0x00000000000000000000000000000000002dc6C9',
      walletKey: 'evm:0x00000000000000000000000000000000002dc6c9',
      chain: 'ethereum',
      cls: 'USD',
      paid: 1000.5,
      held: 1000.5,
      inbound: 1000.5,
      hops: [],
      eventId: 'payout.executed:7cef653810e49f5f2104c14c82a08609',
      at: '2026-11-01T00:00:00.000Z',
    },
  ],
  paid: [{ workerId: 'w-0', payoutId: 'bench-po-0', at: '2026-11-01T00:00:00.000Z' }],
  open: [{ payoutId: 'bench-po-0', amount: 1000.5, atMs: 1793491200000 }],
  activity: ['2026-11-01T00:00:00.000Z', 'payout.executed:7cef653810e49f5f2104c14c82a08609'],
};

describe('state records at rest', () => {
  it('read back equal to what was written, whatever the JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(roundTrip(v)).toEqual(v);
      }),
      { numRuns: 2_000 },
    );
  });

  it('keep the strings the engine meets exactly: times, hashes, checksummed addresses, other scripts', () => {
    const strings = [
      '2026-11-01T00:00:00.000Z',
      '1970-01-01T00:00:00.000Z',
      '2026-02-30T00:00:00.000Z',
      '2026-11-01T00:00:00Z',
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      '0xABCDEF0123456789ABCDEF0123456789abcdef01',
      `0x${'ab'.repeat(32)}`,
      `t:ethereum:0x${'cd'.repeat(32)}:native`,
      'tron:TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL',
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
      'abc0123456789abcdef0',
      'Ким Чен Ын',
      '김정은',
      '',
      '__proto__',
    ];
    for (const s of strings) expect(roundTrip(s)).toBe(s);
    expect(roundTrip(strings)).toEqual(strings);
  });

  it('keep numbers exactly, and names from input as plain properties', () => {
    const numbers = [0, 1, -1, 127, 128, 2 ** 31, 2 ** 53 - 1, -(2 ** 40), 0.1, -0.5, 1e300];
    expect(roundTrip(numbers)).toEqual(numbers);
    const hostile = JSON.parse('{"__proto__":{"polluted":1},"toString":2,"constructor":3}');
    const back = roundTrip({ balances: hostile }) as { balances: Record<string, unknown> };
    expect(Object.keys(back.balances)).toEqual(['__proto__', 'toString', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(back.balances)).toBe(Object.prototype);
  });

  it('keep objects of any size (a count past one byte) and long lists', () => {
    const wide = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [`k${i}`, i % 7 ? i : `v${i}`]),
    );
    expect(roundTrip({ wide, after: 'x' })).toEqual({ wide, after: 'x' });
    const long = Array.from(
      { length: 5_000 },
      (_, i) => `payout.executed:${i.toString(16).padStart(32, '0')}`,
    );
    expect(roundTrip(long)).toEqual(long);
  });

  it('keep long strings among back references (an activity log next to repeated ids)', () => {
    const long =
      `\u0018${'2026-11-01T00:00:00.000Z'}\u0030${'payout.executed:'.padEnd(48, 'a')}`.repeat(20);
    const wide = `${'é'.repeat(300)}ü`;
    const id = 'payout.executed:7cef653810e49f5f2104c14c82a08609';
    const v = { a: id, activity: long, b: id, c: wide, d: [id, long, wide, 'w-1', 'w-1'] };
    expect(roundTrip(v)).toEqual(v);
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string({ minLength: 250, maxLength: 400 }), fc.constantFrom(id, 'w-1')),
          {
            maxLength: 12,
          },
        ),
        (list) => {
          expect(roundTrip({ list, again: list })).toEqual({ list, again: list });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('write a long list of strings (an activity log) as one run, any characters, among back references', () => {
    const ids = Array.from(
      { length: 200 },
      (_, i) => `payout.executed:${i.toString(16).padStart(32, 'a')}`,
    );
    const log = ids.flatMap((id) => ['2026-11-01T00:00:00.000Z', id]);
    const v = {
      a: ids[0],
      activity: log,
      b: ids[0],
      mixed: [...log.slice(0, 20), 7],
      wide: [...log.slice(0, 30), 'ü✓'],
    };
    expect(roundTrip(v)).toEqual(v);
    expect(encodeRecord(log).length).toBeLessThan(JSON.stringify(log).length);
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { minLength: 14, maxLength: 40 }),
        (list) => {
          expect(roundTrip({ list, again: list, x: list[0] })).toEqual({
            list,
            again: list,
            x: list[0],
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('copy a record that is one long string (a packed retained event) as it is, wide or not', () => {
    const packed = packEvent(payoutExecuted({ payoutId: 'po-ü', amount: '1200.00' }))!;
    expect(packed.length).toBeGreaterThanOrEqual(64);
    // Tag, length, then the string's own bytes: nothing added, nothing lost.
    expect(encodeRecord(packed).length).toBeLessThanOrEqual(packed.length + 3);
    expect(roundTrip(packed)).toBe(packed);
    const bytes = Array.from({ length: 256 }, (_, c) => String.fromCharCode(c)).join('');
    const wide = `${bytes}김정은 Улица ${'0x'.padEnd(66, 'f')}`;
    for (const s of [bytes, wide, wide.slice(250, 320)]) expect(roundTrip(s)).toBe(s);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 64 }), (s) => {
        expect(roundTrip(s)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('leave undefined properties out, as JSON does', () => {
    expect(roundTrip({ a: 1, b: undefined, c: [null] })).toEqual({ a: 1, c: [null] });
  });

  it('take under a third of the JSON of a wallet record', () => {
    const packed = encodeRecord(wallet);
    expect(decodeRecord(packed)).toEqual(wallet);
    expect(packed.length).toBeLessThan(JSON.stringify(wallet).length / 3);
  });

  it('refuse a string they did not write', () => {
    expect(() => decodeRecord('\u00ee')).toThrow(/state record/);
    expect(() => decodeRecord(`${encodeRecord({ a: 1 })}x`)).toThrow(/trailing/);
    expect(() => decodeRecord(encodeRecord('a long string').slice(0, 5))).toThrow(/truncated/);
  });
});
