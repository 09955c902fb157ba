import { describe, expect, it } from 'vitest';
import {
  type Change,
  ChangelogPages,
  UnreadablePageError,
} from '../../services/screener/changelog-pages.ts';
import { ChangelogEngineState, FileRestingStore } from '../../shared/engine/state/index.ts';
import type { OutgoingRecord } from '../../shared/ports/event-log/index.ts';

/** A small deterministic generator (mulberry32), so a failure can be replayed by seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A compacted topic: records in log order, and compaction keeping the latest per key. */
class Topic {
  log: { key: string; value: Buffer | null }[] = [];
  append(records: readonly OutgoingRecord[]): void {
    for (const r of records) this.log.push({ key: r.key!, value: r.value as Buffer | null });
  }
  /** What compaction may leave: the latest record per key, tombstones kept (or dropped). */
  compacted(dropTombstones: boolean): { key: string; value: Buffer | null }[] {
    const last = new Map<string, number>();
    this.log.forEach((r, i) => {
      last.set(r.key, i);
    });
    return this.log.filter(
      (r, i) => last.get(r.key) === i && !(dropTombstones && r.value === null),
    );
  }
}

/** Small, so that a test of a few thousand changes cleans pages many times over. */
const SLACK = 50;

function restore(records: readonly { key: string; value: Buffer | null }[]) {
  const pages = new ChangelogPages(SLACK);
  const state = new Map<string, string>();
  for (const r of records)
    pages.restore(r.key, r.value ?? undefined, (k, v) => {
      if (v === undefined) state.delete(k);
      else state.set(k, v);
    });
  return { pages, state };
}

/**
 * Rounds of changes as the engine makes them: a few hot keys rewritten often, new keys
 * that are written once, and deletions (retention) of older ones.
 */
function round(next: () => number, truth: Map<string, string>, r: number): Change[] {
  const changes = new Map<string, string | undefined>();
  for (let i = 0; i < 40; i++) {
    const x = next();
    // Values as the state keeps them at rest: one-byte characters, any of the 256.
    if (x < 0.4) changes.set(`hot:${Math.floor(next() * 20)}`, `\u00ff${r}\u0000${i}`);
    else if (x < 0.8) changes.set(`e:${r}:${i}`, `once ${r} é`);
    else {
      const keys = [...truth.keys()];
      const victim = keys[Math.floor(next() * keys.length)];
      if (victim) changes.set(victim, undefined);
    }
  }
  for (const [k, v] of changes) {
    if (v === undefined) truth.delete(k);
    else truth.set(k, v);
  }
  return [...changes];
}

describe('changelog pages', () => {
  it('restore gives the latest state from the full log, a compacted one, and after a takeover', () => {
    for (const seed of [1, 2, 3]) {
      const next = random(seed);
      const truth = new Map<string, string>();
      const topic = new Topic();
      let pages = new ChangelogPages(SLACK);
      for (let r = 0; r < 1_500; r++) {
        const changes = round(next, truth, r);
        topic.append(pages.write(changes, (k) => truth.get(k)));
        if (r % 250 === 249) {
          for (const records of [topic.log, topic.compacted(false), topic.compacted(true)])
            expect(restore(records).state).toEqual(truth);
          // A new owner goes on from what it restored: its index must match the writer's.
          pages = restore(topic.compacted(r % 500 === 249)).pages;
        }
      }
    }
  });

  // The screener's index: page ids kept as tags of the state's records at rest in scratch
  // files, read back for cleaning and for a tombstone's deletions.
  it('restores the same state when the page index is the state itself (records at rest in files)', () => {
    const state = () =>
      new ChangelogEngineState({ hotRecords: 4, restingStore: () => new FileRestingStore() });
    const next = random(5);
    const truth = new Map<string, string>();
    const topic = new Topic();
    const writer = state();
    const pages = new ChangelogPages(SLACK, writer);
    for (let r = 0; r < 1_000; r++) {
      const changes = round(next, truth, r);
      for (const [k, v] of changes) {
        if (v === undefined) writer.delete(k);
        else writer.restoreValue(k, v);
      }
      writer.takeChanges();
      topic.append(pages.write(changes, (k) => writer.packedValue(k)));
    }
    expect(pages.size.live).toBe(truth.size);
    for (const records of [topic.log, topic.compacted(true)]) {
      const restored = state();
      const reader = new ChangelogPages(SLACK, restored);
      for (const r of records)
        reader.restore(r.key, r.value ?? undefined, (k, v) => restored.restoreValue(k, v));
      expect(restored.size).toBe(truth.size);
      for (const [k, v] of truth) expect(restored.packedValue(k)).toBe(v);
      expect(reader.size.live).toBe(truth.size);
      restored.close();
    }
    writer.close();
  });

  // A durable round is captured while the engine goes on (copy on write): what it writes
  // must be every record as it was when the round began, however the engine changed,
  // deleted or created records before each one was captured.
  it('a round captured over later changes restores the state of the moment it began', () => {
    const state = () =>
      new ChangelogEngineState({ hotRecords: 6, restingStore: () => new FileRestingStore() });
    for (const seed of [11, 12]) {
      const next = random(seed);
      const truth = new Map<string, { n: number; r: number }>();
      const topic = new Topic();
      const writer = state();
      // Pages of a few entries: a round's pages fill and are written while it is captured.
      const pages = new ChangelogPages(SLACK, writer, 120);
      // Changes as the engine makes them: a record read, changed in place and put back; new
      // records; deletions.
      const change = (r: number) => {
        for (let i = 0; i < 30; i++) {
          const x = next();
          const key = x < 0.5 ? `hot:${Math.floor(next() * 25)}` : `e:${r}:${i}`;
          if (x < 0.85) {
            const record = writer.get<{ n: number; r: number }>(key) ?? { n: 0, r };
            record.n++;
            record.r = r;
            writer.put(key, record);
            truth.set(key, { ...record });
          } else {
            const keys = [...truth.keys()];
            const victim = keys[Math.floor(next() * keys.length)];
            if (victim === undefined) continue;
            writer.delete(victim);
            truth.delete(victim);
          }
        }
      };
      let r = 0;
      for (let durable = 0; durable < 120; durable++) {
        change(r++);
        const cleaning = pages.plan(writer.changes);
        writer.beginSnapshot(cleaning.moved);
        const atStart = structuredClone(truth);
        // The engine goes on for a few rounds, the capture a slice at a time between them,
        // each slice packed into pages as it comes.
        const packing = pages.begin(cleaning);
        const rounds = Math.floor(next() * 4);
        for (let k = 0; k < rounds; k++) {
          change(r++);
          writer.captureSome(Math.floor(next() * 10), 0);
          packing.add(writer.takeCaptured());
        }
        packing.add(writer.endSnapshot());
        topic.append(packing.finish());
        if (durable % 20 === 19)
          for (const records of [topic.log, topic.compacted(true)]) {
            const restored = state();
            const reader = new ChangelogPages(SLACK, restored);
            for (const rec of records)
              reader.restore(rec.key, rec.value ?? undefined, (k, v) =>
                restored.restoreValue(k, v),
              );
            expect(restored.size).toBe(atStart.size);
            for (const [k, v] of atStart) expect(restored.get(k)).toEqual(v);
            restored.close();
          }
      }
      writer.close();
    }
  });

  it('writes few records, and keeps superseded entries bounded by the live ones', () => {
    const next = random(7);
    const truth = new Map<string, string>();
    const topic = new Topic();
    const pages = new ChangelogPages(SLACK);
    let changes = 0;
    for (let r = 0; r < 3_000; r++) {
      const round_ = round(next, truth, r);
      changes += round_.length;
      topic.append(pages.write(round_, (k) => truth.get(k)));
    }
    expect(topic.log.length).toBeLessThan(changes / 20);
    const { live, total } = pages.size;
    expect(live).toBe(truth.size);
    expect(total - live).toBeLessThanOrEqual(live + SLACK + 40);
  });

  it('a deleted key stays deleted once the page that held it is cleaned', () => {
    const truth = new Map<string, string>([['k', '1']]);
    const topic = new Topic();
    const pages = new ChangelogPages(SLACK);
    topic.append(pages.write([['k', '1']], (k) => truth.get(k)));
    // Enough rewrites of other keys to clean the first page, deleting k in between.
    truth.delete('k');
    topic.append(pages.write([['k', undefined]], (k) => truth.get(k)));
    for (let r = 0; r < 200; r++) {
      truth.set('hot', `${r}`);
      const batch: Change[] = [['hot', `${r}`]];
      for (let i = 0; i < 30; i++) batch.push([`h${i}`, `${r}`]);
      for (let i = 0; i < 30; i++) truth.set(`h${i}`, `${r}`);
      topic.append(pages.write(batch, (k) => truth.get(k)));
    }
    expect(topic.log.some((r) => r.key === '~page:0' && r.value === null)).toBe(true);
    expect(restore(topic.compacted(true)).state).toEqual(truth);
    expect(restore(topic.log).state).toEqual(truth);
  });

  it('refuses a page written by an earlier version (JSON text) instead of misreading it', () => {
    const pages = new ChangelogPages(SLACK);
    expect(() => pages.restore('~page:0', Buffer.from('[["w:1",{"a":1}]]'), () => {})).toThrow(
      UnreadablePageError,
    );
  });
});
