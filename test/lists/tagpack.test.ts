import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadListFile } from '../../shared/lists/index.ts';

// TagPacks are read line by line and their tag list parsed in chunks: every layout a person
// may write must give the same entries as a whole-document parse would.
const dir = mkdtempSync(join(tmpdir(), 'fs-tagpack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HEADER =
  'title: Test pack\ncreator: tests\nlabel: Pack label\ncurrency: ETH\nabuse: sanction\n';
const wallet = (i: number) => `0x${(i + 1).toString(16).padStart(40, '0')}`;

async function load(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  return loadListFile(path);
}

const addresses = (s: Awaited<ReturnType<typeof load>>) =>
  s.entries.flatMap((e) => e.addresses.map((a) => a.address.toLowerCase()));

async function refusal(name: string, text: string): Promise<string> {
  try {
    await load(name, text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('TagPack layouts', () => {
  it('reads items at column 0 and indented, with comments and blank lines between them', async () => {
    const flush = await load(
      'flush.yaml',
      `${HEADER}tags:\n- address: ${wallet(1)}\n\n  # a note\n- address: ${wallet(2)}\n  label: Other\n`,
    );
    const indented = await load(
      'indented.yaml',
      `${HEADER}tags:   # the list\n  - address: ${wallet(1)}\n  # a note\n\n  - address: ${wallet(2)}\n    label: Other\n`,
    );
    for (const s of [flush, indented]) {
      expect(addresses(s)).toEqual([wallet(1), wallet(2)]);
      expect(s.entries.map((e) => e.name)).toEqual(['Pack label', 'Other']);
    }
  });

  it('takes header keys written after the tag list', async () => {
    const s = await load(
      'trailer.yaml',
      `title: Late header\ntags:\n  - address: ${wallet(3)}\nlabel: Written last\ncurrency: ETH\n`,
    );
    expect(s.entries.map((e) => [e.name, e.addresses.length])).toEqual([['Written last', 1]]);
  });

  it('reads a tag list in flow style as one document', async () => {
    const s = await load(
      'flow.yaml',
      `${HEADER}tags: [{address: "${wallet(4)}"}, {address: "${wallet(5)}"}]\n`,
    );
    expect(addresses(s)).toEqual([wallet(4), wallet(5)]);
  });

  it('reads 12,000 tags across several chunks, and names the file line of an error far down', async () => {
    const tags = Array.from(
      { length: 12_000 },
      (_, i) => `  - address: ${wallet(i)}\n    source: s${i}`,
    );
    const s = await load('many.yaml', `${HEADER}tags:\n${tags.join('\n')}\n`);
    expect(addresses(s)).toHaveLength(12_000);
    expect(s.entries[0]!.references).toHaveLength(12_000);
    tags[10_000] = '  - address: [unclosed';
    const reason = await refusal('broken.yaml', `${HEADER}tags:\n${tags.join('\n')}\n`);
    // 5 header lines, `tags:`, two lines a tag: tag 10,000 (0-based) starts on line 20,007.
    expect(reason).toMatch(/broken\.yaml \(line 2000[78], column \d+\): malformed YAML/);
  });

  it('refuses a TagPack without tags or whose tags are not mappings', async () => {
    expect(await refusal('none.yaml', `${HEADER}tags:\n`)).toMatch(/the TagPack has no tags/);
    expect(await refusal('scalars.yaml', `${HEADER}tags:\n  - just text\n`)).toMatch(
      /scalars\.yaml \(line 7\): a tag is a mapping with an address/,
    );
  });

  it('gives the same entries for a block list in any layout as for the same tags in flow style', async () => {
    const tag = fc.record({
      n: fc.nat({ max: 50 }),
      label: fc.option(fc.constantFrom('Alpha', 'Beta', 'constructor', '__proto__'), {
        nil: undefined,
      }),
      quoted: fc.boolean(),
    });
    const layout = fc.record({
      indent: fc.constantFrom('', '  ', '    '),
      comments: fc.boolean(),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(tag, { minLength: 1, maxLength: 12 }), layout, async (tags, l) => {
        const lines = tags.flatMap((t) => [
          `${l.indent}- address: ${t.quoted ? `"${wallet(t.n)}"` : wallet(t.n)}`,
          ...(t.label ? [`${l.indent}  label: "${t.label}"`] : []),
          ...(l.comments ? [`${l.indent}  # note`, ''] : []),
        ]);
        const flow = tags.map((t) => ({
          address: wallet(t.n),
          ...(t.label ? { label: t.label } : {}),
        }));
        run++;
        const block = await load(`block-${run}.yaml`, `${HEADER}tags:\n${lines.join('\n')}\n`);
        const whole = await load(`flow-${run}.yaml`, `${HEADER}tags: ${JSON.stringify(flow)}\n`);
        // The source is named after the file; everything else must be equal.
        const bare = (e: (typeof block.entries)[number]) => ({ ...e, source: '' });
        expect(block.entries.map(bare)).toEqual(whole.entries.map(bare));
      }),
      { numRuns: 40 },
    );
  });
});
