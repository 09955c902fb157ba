import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_LIMITS } from '../../shared/lists/limits.ts';
import { peekInput, readLines } from '../../shared/lists/peek.ts';

/** The lines readLines gives for bytes arriving in these chunks. */
async function lines(chunks: readonly Buffer[]): Promise<string[]> {
  const input = await peekInput(
    {
      name: 'mem.txt',
      compression: 'none',
      limits: DEFAULT_LIST_LIMITS,
      async *chunks() {
        yield* chunks;
      },
    },
    1,
  );
  const out: string[] = [];
  for await (const { line, lineNo } of readLines(input)) {
    expect(lineNo).toBe(out.length + 1);
    out.push(line);
  }
  return out;
}

describe('readLines', () => {
  it('gives the lines of the text (LF or CR LF) wherever the bytes are cut', async () => {
    const text = fc.array(fc.constantFrom('a', 'é', '\n', '\r\n', 'x', ' ', '€'), {
      maxLength: 60,
    });
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 5 }), async (chars, cuts) => {
        const whole = chars.join('');
        const bytes = Buffer.from(whole);
        // Cuts fall on bytes: a chunk may end inside a UTF-8 sequence or between CR and LF.
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const ends = [...at, bytes.length];
        const chunks = [0, ...at].map((from, i) => bytes.subarray(from, ends[i]));
        const expected = whole.split('\n').map((l) => l.replace(/\r$/, ''));
        if (expected[expected.length - 1] === '') expected.pop();
        expect(await lines(chunks)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
