import { describe, expect, it } from 'vitest';
import { PackedStringMap } from '../../../services/cli/embedded/packed-strings.ts';

/** A string of random pieces: hex runs of any length, other text, wide characters now and then. */
function randomText(rand: () => number): string {
  const pieces = [
    't:',
    'ethereum',
    ':0x',
    'transfer.observed:',
    'native',
    'ABCDEF',
    ':',
    'é',
    '\u0001',
  ];
  let s = '';
  const n = Math.floor(rand() * 6);
  for (let i = 0; i < n; i++) {
    if (rand() < 0.5) {
      const len = Math.floor(rand() * 300);
      for (let k = 0; k < len; k++) s += Math.floor(rand() * 16).toString(16);
    } else s += pieces[Math.floor(rand() * (rand() < 0.9 ? 7 : pieces.length))];
  }
  return s;
}

function seeded(seed: number): () => number {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    return x / 2 ** 32;
  };
}

describe('PackedStringMap', () => {
  it('holds the same as a Map under any sequence of sets and deletes, through growth', () => {
    const rand = seeded(7);
    const packed = new PackedStringMap();
    const map = new Map<string, string>();
    const keys: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      const r = rand();
      if (r < 0.6 || keys.length === 0) {
        const key =
          rand() < 0.5
            ? `t:ethereum:0x${i.toString(16).padStart(64, '0')}:${i % 300}`
            : randomText(rand);
        keys.push(key);
        const value =
          rand() < 0.8
            ? `transfer.observed:${(i * 7919).toString(16).padStart(32, 'a')}`
            : randomText(rand);
        packed.set(key, value);
        map.set(key, value);
      } else {
        const key = keys[Math.floor(rand() * keys.length)]!;
        if (r < 0.8) {
          expect(packed.delete(key)).toBe(map.delete(key));
        } else {
          packed.set(key, `again-${i}`);
          map.set(key, `again-${i}`);
        }
      }
    }
    expect(packed.size).toBe(map.size);
    for (const key of keys) expect(packed.get(key)).toBe(map.get(key));
    expect(packed.get('t:ethereum:0xunknown:1')).toBeUndefined();
    packed.clear();
    expect(packed.get(keys[0]!)).toBeUndefined();
    expect(packed.size).toBe(0);
  });

  it('gives back hex of odd length, upper case and long runs exactly', () => {
    const packed = new PackedStringMap();
    const cases = [
      '0123456789abcdef0',
      'ABCDEF0123456789',
      'a'.repeat(254),
      'f'.repeat(255),
      'x'.repeat(256),
      'c'.repeat(500),
      'ab'.repeat(300),
      '',
    ];
    for (const [i, s] of cases.entries()) packed.set(s, `${s}:${i}`);
    for (const [i, s] of cases.entries()) expect(packed.get(s)).toBe(`${s}:${i}`);
  });
});
