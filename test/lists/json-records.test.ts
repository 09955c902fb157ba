import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonRecords } from '../../shared/lists/json-records.ts';
import { DEFAULT_LIST_LIMITS } from '../../shared/lists/limits.ts';
import { peekInput } from '../../shared/lists/peek.ts';

/** An input that arrives in exactly these pieces, as a decompressor may cut it. */
function pieces(parts: readonly string[]) {
  return peekInput(
    {
      name: 'mem.json',
      compression: 'none',
      limits: DEFAULT_LIST_LIMITS,
      async *chunks() {
        for (const p of parts) yield Buffer.from(p);
      },
    },
    1,
  );
}

async function records(parts: readonly string[], key = 'result'): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const r of jsonRecords(await pieces(parts), key)) out.push(r);
  return out;
}

describe('JSON array records from a stream', () => {
  const doc = JSON.stringify({
    note: 'result ["x"]',
    result: [{ a: 'q"}]\\', b: [1, { c: '{' }] }, { a: '' }],
    after: [{ ignored: true }],
  });

  it('gives the same records whichever characters the chunks are cut at', async () => {
    const whole = await records([doc]);
    expect(whole).toEqual([{ a: 'q"}]\\', b: [1, { c: '{' }] }, { a: '' }]);
    for (let cut = 1; cut < doc.length; cut++)
      expect(await records([doc.slice(0, cut), doc.slice(cut)])).toEqual(whole);
  });

  it('reads a bare array, and stops at a record that is not an object', async () => {
    expect(await records(['[{"a":1},', '{"a":2}]'], '')).toEqual([{ a: 1 }, { a: 2 }]);
    await expect(records(['[{"a":1}, "text"]'], '')).rejects.toThrow(
      'mem.json (record 2): a record is not a JSON object',
    );
  });

  it('agrees with JSON.parse on any array of objects cut anywhere', async () => {
    const doc = fc.record({
      before: fc.jsonValue({ maxDepth: 2 }),
      result: fc.array(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), { maxLength: 5 }),
    });
    await fc.assert(
      fc.asyncProperty(doc, fc.array(fc.nat(), { maxLength: 4 }), async (value, cuts) => {
        const text = JSON.stringify(value);
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const parts = [0, ...at].map((from, i) => text.slice(from, [...at, text.length][i]));
        expect(await records(parts)).toEqual(JSON.parse(text).result);
      }),
      { numRuns: 200 },
    );
  });

  it('stays linear on a long string of backslashes and escaped quotes', async () => {
    const hostile = '\\\\\\"'.repeat(500_000);
    const text = `{"result":[{"a":"${hostile}"},{"a":"${'\\\\'.repeat(1_000_000)}"}]}`;
    const chunks = Array.from({ length: Math.ceil(text.length / 262_144) }, (_, i) =>
      text.slice(i * 262_144, (i + 1) * 262_144),
    );
    const started = performance.now();
    const got = (await records(chunks)) as { a: string }[];
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(got.map((r) => r.a.length)).toEqual([1_000_000, 1_000_000]);
  });
});
