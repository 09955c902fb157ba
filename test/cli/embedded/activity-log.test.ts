import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EVENT_FILE_LIMITS, type EventFileLimits } from '../../../services/cli/embedded/index.ts';
import {
  entryHeldId,
  entryPlace,
  entryTime,
  heldEntry,
  isEntryLog,
  placedEntry,
} from '../../../shared/engine/model/activity.ts';
import { scan, tempDir, writeInput } from './helpers.ts';

const dir = tempDir('activity');
const WALLET = '0x1111111111111111111111111111111111111111';

describe('lookback log entries', () => {
  it('carry the event time and the place or id, in one byte a character', () => {
    const times = [
      '0000-01-01T00:00:00.000Z',
      '1970-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
    ];
    for (const at of times)
      for (const place of [0, 2 ** 40 + 5, 2 ** 53 - 1]) {
        const entry = placedEntry(at, place);
        expect(entryTime(entry)).toBe(Date.parse(at));
        expect(entryPlace(entry)).toBe(place);
        expect(entryHeldId(entry)).toBeUndefined();
        expect([...entry].every((c) => c.charCodeAt(0) < 256)).toBe(true);
      }
    const held = heldEntry('2026-01-02T03:04:05.006Z', '\u0001e-1');
    expect(entryTime(held)).toBe(Date.parse('2026-01-02T03:04:05.006Z'));
    expect(entryHeldId(held)).toBe('\u0001e-1');
    expect(entryPlace(held)).toBeUndefined();
    expect(isEntryLog([held])).toBe(true);
    expect(isEntryLog(['2026-01-02T03:04:05.006Z', 'e-1'])).toBe(false);
    expect(() => placedEntry(times[0]!, -1)).toThrow(RangeError);
  });
});

/** A transfer to the wallet as one JSONL line. */
function transfer(id: string, at: string, type = 'transfer.observed', logIndex = 1): string {
  return JSON.stringify({
    type,
    schemaVersion: 1,
    id,
    occurredAt: at,
    source: 'test',
    data: {
      chain: 'ethereum',
      txHash: `0x${logIndex.toString(16).padStart(64, '0')}`,
      logIndex,
      blockNumber: 1,
      blockHash: `0x${'ab'.repeat(32)}`,
      timestamp: at,
      asset: { symbol: 'USDC', contract: `0x${'a0'.repeat(20)}`, decimals: 6 },
      from: `0x${'22'.repeat(20)}`,
      to: WALLET,
      amount: '50',
    },
  });
}

describe('a retracted transfer in a file read again', () => {
  it('leaves the lookback of the wallet, as when the engine keeps the events', async () => {
    const lines = [
      transfer('t-1', '2026-01-01T00:00:00.000Z', 'transfer.observed', 1),
      transfer('t-2', '2026-01-01T01:00:00.000Z', 'transfer.observed', 2),
      transfer('r-2', '2026-01-01T02:00:00.000Z', 'transfer.retracted', 2),
      JSON.stringify({
        type: 'extortion.reported',
        schemaVersion: 1,
        id: 'x-1',
        occurredAt: '2026-01-02T00:00:00.000Z',
        source: 'test',
        data: { reportId: 'rep-1', addresses: [{ chain: 'ethereum', address: WALLET }] },
      }),
    ];
    const text = `${lines.join('\n')}\n`;
    const file = writeInput(dir, 'reorg.jsonl', text);
    const limits: EventFileLimits = { ...EVENT_FILE_LIMITS, offThreadBytes: 0 };
    const fromFile = await scan([file], [], limits);
    const fromStdin = await scan(['-'], [], limits, Readable.from([Buffer.from(text)]));
    expect(fromFile.out).toBe(fromStdin.out);
    const eventIds = fromFile.out
      .trimEnd()
      .split('\n')
      .flatMap((l) => (JSON.parse(l) as { eventIds: string[] }).eventIds);
    expect(eventIds).toContain('t-1');
    expect(eventIds).not.toContain('t-2');
  });
});
