import { describe, expect, it } from 'vitest';
import { decodeEvent, parseEvent } from '../../shared/contract/index.ts';
import { payoutExecuted } from '../helpers/fixtures.ts';
import { reasonOf } from './reason.ts';

describe('contract v1 parsing', () => {
  it('accepts a valid payout and keeps its fields', () => {
    const e = payoutExecuted({ amount: '10.5' });
    const parsed = decodeEvent(JSON.stringify(e));
    expect(parsed.type).toBe('payout.executed');
    expect(parsed.type === 'payout.executed' && parsed.data.amount).toBe('10.5');
  });

  it('names the field that is wrong', () => {
    const e = payoutExecuted();
    expect(reasonOf(() => parseEvent({ ...e, data: { ...e.data, amount: '-3' } }))).toMatch(
      /^data\.amount/,
    );
    expect(reasonOf(() => parseEvent({ ...e, data: { ...e.data, workerId: undefined } }))).toMatch(
      /workerId/,
    );
    expect(reasonOf(() => parseEvent({ ...e, schemaVersion: 2 }))).toMatch(/schemaVersion/);
    expect(reasonOf(() => parseEvent({ ...e, occurredAt: 'yesterday' }))).toMatch(/occurredAt/);
  });

  it('refuses a lone UTF-16 surrogate, which UTF-8 stores would turn into another id', () => {
    const e = payoutExecuted({ workerId: 'w-1' });
    const escaped = JSON.stringify(e).replace('"w-1"', '"w-\\ud800"');
    expect(reasonOf(() => decodeEvent(escaped))).toMatch(
      /^data\.workerId: not well-formed Unicode/,
    );
    expect(reasonOf(() => decodeEvent(Buffer.from(escaped)))).toMatch(/^data\.workerId/);
    expect(reasonOf(() => parseEvent({ ...e, id: `evt-${String.fromCharCode(0xdc00)}` }))).toMatch(
      /^id: not well-formed Unicode/,
    );
    // A pair (one astral character), escaped or not, is well-formed.
    const paired = JSON.stringify(e).replace('"w-1"', '"w-\\ud83d\\ude00 😀"');
    const parsed = decodeEvent(paired);
    expect(parsed.type === 'payout.executed' && parsed.data.workerId).toBe('w-😀 😀');
  });

  it('refuses unknown types and non-JSON with a reason', () => {
    expect(reasonOf(() => parseEvent({ ...payoutExecuted(), type: 'payout.sent' }))).toMatch(
      /unknown event type "payout.sent"/,
    );
    expect(reasonOf(() => decodeEvent('{"type":'))).toMatch(/^not JSON/);
  });

  it('accepts a native transfer with a null log index and contract', () => {
    const transfer = {
      type: 'transfer.observed',
      schemaVersion: 1,
      id: 'transfer.observed:1',
      occurredAt: '2026-11-02T10:00:00.000Z',
      source: 'chain-watcher',
      data: {
        chain: 'ethereum',
        txHash: `0x${'ab'.repeat(32)}`,
        logIndex: null,
        blockNumber: 12,
        blockHash: `0x${'cd'.repeat(32)}`,
        timestamp: '2026-11-02T10:00:00Z',
        asset: { symbol: 'ETH', contract: null, decimals: 18 },
        from: '0x1111111111111111111111111111111111111111',
        to: '0x2222222222222222222222222222222222222222',
        amount: '1.25',
      },
    };
    expect(parseEvent(transfer).id).toBe('transfer.observed:1');
  });
});
