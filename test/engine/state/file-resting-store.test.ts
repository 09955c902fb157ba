import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { FileRestingStore } from '../../../shared/engine/state/file-resting-store.ts';
import { MapRestingStore } from '../../../shared/engine/state/resting-store.ts';

const open: FileRestingStore[] = [];
afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

function store(compactFloor?: number): FileRestingStore {
  const s = new FileRestingStore({ compactFloor });
  open.push(s);
  return s;
}

/** Any one-byte string, as the record codec writes them. */
const packed = fc.string({
  unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)),
  maxLength: 3000,
});
/** Keys as the engine writes them, from a small pool so that writes overwrite and delete. */
const key = fc.oneof(
  fc.integer({ min: 0, max: 40 }).map((n) => `evm:0x${n.toString(16).padStart(40, '0')}`),
  fc.integer({ min: 0, max: 40 }).map((n) => `w:worker-${n}`),
  fc.constantFrom('n:김정은', 'x:home:Улица 5', 'p:ü', '__proto__', ''),
);
const op = fc.oneof(
  fc.record({ set: key, value: packed }),
  fc.record({ del: key }),
  fc.record({ get: key }),
);

describe('records at rest in a scratch file', () => {
  it('answers like a Map under any sequence of writes, deletes and reads, compaction included', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        // A floor of one byte: the file is rewritten whenever superseded bytes outweigh live.
        const s = store(1);
        const m = new Map<string, string>();
        for (const o of ops) {
          if ('set' in o) {
            s.set(o.set, o.value);
            m.set(o.set, o.value);
          } else if ('del' in o) expect(s.delete(o.del)).toBe(m.delete(o.del));
          else expect(s.get(o.get)).toBe(m.get(o.get));
          expect(s.size).toBe(m.size);
        }
        for (const [k, v] of m) expect(s.get(k)).toBe(v);
        s.close();
      }),
      { numRuns: 300 },
    );
  });

  it('keeps each key a tag (a changelog page) like the heap store, through growth and compaction', () => {
    const tagOp = fc.oneof(
      op,
      fc.record({ tag: key, page: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }) }),
      fc.record({ tagged: fc.integer({ min: 0, max: 5 }) }),
    );
    fc.assert(
      fc.property(fc.array(tagOp, { maxLength: 300 }), (ops) => {
        const s = store(1);
        // As the streaming state does each round: slots of written keys remembered for tagging.
        s.rememberWrites();
        const m = new MapRestingStore();
        for (const o of ops) {
          if ('set' in o) {
            s.set(o.set, o.value);
            m.set(o.set, o.value);
          } else if ('del' in o) expect(s.delete(o.del)).toBe(m.delete(o.del));
          else if ('get' in o) expect(s.tagOf(o.get)).toBe(m.tagOf(o.get));
          else if ('tag' in o) {
            s.setTag(o.tag, o.page);
            m.setTag(o.tag, o.page);
          } else expect(s.keysTagged(o.tagged).sort()).toEqual(m.keysTagged(o.tagged).sort());
        }
        s.rememberWrites();
        for (const k of m.keys()) expect(s.tagOf(k)).toBe(m.tagOf(k));
        s.close();
      }),
      { numRuns: 300 },
    );
  });

  it('tags the right keys when a round writes enough of them to grow the index before tagging', () => {
    // The changelog notes a round's pages after its writes: the slots it remembered must
    // follow the keys when the index is rebuilt in between.
    const s = store();
    const m = new MapRestingStore();
    for (let round = 0; round < 3; round++) {
      s.rememberWrites();
      const written: string[] = [];
      for (let i = 0; i < 12_000; i++) {
        const k = i % 7 === 3 ? `e:${round}:${i}` : `w:${i}`;
        s.set(k, `v${round}:${i}`);
        m.set(k, `v${round}:${i}`);
        written.push(k);
        if (i % 11 === 0 && round > 0) {
          s.delete(`e:${round - 1}:${i + 3}`);
          m.delete(`e:${round - 1}:${i + 3}`);
        }
      }
      for (const [n, k] of written.entries()) {
        expect(s.tagOf(k)).toBe(m.tagOf(k));
        s.setTag(k, round * 100_000 + n);
        m.setTag(k, round * 100_000 + n);
      }
    }
    for (const k of m.keys()) {
      expect(s.tagOf(k)).toBe(m.tagOf(k));
      expect(s.get(k)).toBe(m.get(k));
    }
    expect(s.keysTagged(2 * 100_000 + 5)).toEqual(['w:5']);
  });

  it('keeps 200,000 keys through index growth and compaction, and forgets them on clear', () => {
    const s = store(1 << 20);
    const value = (i: number, round: number) => `${round}:`.padEnd(40 + (i % 200), String(i % 10));
    for (let round = 0; round < 3; round++)
      for (let i = 0; i < 200_000; i++) {
        s.set(`t:ethereum:0x${i.toString(16)}:native`, value(i, round));
        if (round === 0) s.setTag(`t:ethereum:0x${i.toString(16)}:native`, i % 1000);
      }
    for (let i = 0; i < 200_000; i += 2) s.delete(`t:ethereum:0x${i.toString(16)}:native`);
    expect(s.size).toBe(100_000);
    for (let i = 0; i < 200_000; i += 997) {
      const k = `t:ethereum:0x${i.toString(16)}:native`;
      expect(s.get(k)).toBe(i % 2 ? value(i, 2) : undefined);
      expect(s.tagOf(k)).toBe(i % 2 ? i % 1000 : undefined);
    }
    // Tags survive the index growing and the file being rewritten.
    // (Every key tagged 7 is odd and kept; every key tagged 8 is even and deleted.)
    expect(s.keysTagged(7).length).toBe(200);
    expect(s.keysTagged(8)).toEqual([]);
    s.clear();
    expect(s.size).toBe(0);
    expect(s.get('t:ethereum:0x1:native')).toBeUndefined();
  });

  it('leaves no file behind: the scratch file is unlinked as soon as it is open', () => {
    const before = readdirSync(tmpdir()).filter((f) =>
      f.startsWith(`flowsentry-state-${process.pid}-`),
    );
    const s = store();
    s.set('evm:0x01', 'x');
    const after = readdirSync(tmpdir()).filter((f) =>
      f.startsWith(`flowsentry-state-${process.pid}-`),
    );
    expect(after).toEqual(before);
    expect(s.get('evm:0x01')).toBe('x');
  });
});
