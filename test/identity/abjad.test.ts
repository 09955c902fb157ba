import { describe, expect, it } from 'vitest';
import { defaultsOf } from '../../shared/engine/config/index.ts';
import { schema } from '../../shared/engine/rules/identity-match.ts';
import { matchPerson, NameIndex } from '../../shared/identity/index.ts';
import { listedPerson } from './labelled.ts';

const weights = defaultsOf(schema);

/** True when `query` alerts against a list holding `listed` alone. */
function matches(query: string, listed: string): boolean {
  const index = new NameIndex([listedPerson('p', listed)]);
  return matchPerson(index, { names: [query] }, weights).length > 0;
}

describe('short names in Arabic script against their Latin spellings', () => {
  it.each([
    ['طارق عزيز', 'TARIQ AZIZ'],
    ['جانان آغا', 'JANAN AGHA'],
    ['ایوب بشیر', 'AYYUB BASHIR'],
    ['تورک آغا', 'TOREK AGHA'],
  ])(
    'matches %s ~ %s: few consonants, but the long vowels the script writes agree',
    (query, listed) => {
      expect(matches(query, listed)).toBe(true);
    },
  );

  it.each([
    ['جانان آغا', 'JINAN AGHA'],
    ['طارق عزيز', 'TURKI AZIZ'],
  ])('keeps %s and %s apart: the long vowels differ', (query, listed) => {
    expect(matches(query, listed)).toBe(false);
  });

  it('reads a final alif maqsura as the final i of a Persian or Pashto name too', () => {
    expect(matches('گل احمد حكيمى', 'GUL AHMAD HAKIMI')).toBe(true);
    expect(matches('مصطفى حمودة', 'MUSTAFA HAMUDA')).toBe(true);
  });

  it('reads the French dj as ج', () => {
    expect(matches('جمال عكاشة', 'DJAMEL AKKACHA')).toBe(true);
  });
});
