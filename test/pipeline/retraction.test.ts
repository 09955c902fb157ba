import { describe, expect, it } from 'vitest';
import { observedRecord, retractedRecord } from '../../shared/chain/events.ts';
import { Engine } from '../../shared/engine/index.ts';
import { TagIndex } from '../../shared/lists/tag-index.ts';
import { screenBatch } from '../../shared/pipeline/index.ts';
import { MemoryAlertSink } from '../../shared/ports/alert-sink/index.ts';
import {
  type IncomingRecord,
  MemoryEventLog,
  type OutgoingRecord,
} from '../../shared/ports/event-log/index.ts';
import { lazarusList, usdcTransfer } from '../helpers/fixtures.ts';

/** The chain watcher's own record builders, as they arrive on `chain.transfers`. */
function incoming(records: OutgoingRecord[]): IncomingRecord[] {
  return records.map((r, i) => ({
    topic: 'chain.transfers',
    partition: 0,
    offset: String(i),
    key: r.key === null ? null : Buffer.from(r.key),
    value: r.value === null ? null : Buffer.from(r.value),
    headers: {},
  }));
}

describe('a reorg after the alert', () => {
  it('marks the alert that rested only on the orphaned transfer as withdrawn', async () => {
    const engine = new Engine({ tags: new TagIndex([lazarusList()]) });
    const sink = new MemoryAlertSink();
    const deps = { engine, sink, dlq: new MemoryEventLog().publisher(), dlqTopic: 'dlq' };
    const orphaned = usdcTransfer();
    const kept = usdcTransfer({
      txHash: `0x${'d4'.repeat(32)}`,
      timestamp: '2026-11-03T12:01:00Z',
    });
    await screenBatch(
      incoming([observedRecord(orphaned, false), observedRecord(kept, false)]),
      deps,
    );
    const [before] = await sink.list();
    expect(before?.count).toBe(2);
    await screenBatch(incoming([retractedRecord(orphaned, '2026-11-03T12:05:00Z')]), deps);
    const [after] = await sink.list();
    // One of its two transfers left the chain: the alert stands, and says which one went.
    expect(after?.withdrawn).toBe(false);
    expect(after?.retractedEventIds).toHaveLength(1);
    await screenBatch(incoming([retractedRecord(kept, '2026-11-03T12:06:00Z')]), deps);
    expect((await sink.list())[0]?.withdrawn).toBe(true);
  });
});
