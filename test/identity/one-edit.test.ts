import { describe, expect, it } from 'vitest';
import { oneEditApart, wildcardKeys } from '../../shared/identity/one-edit.ts';

const rare = () => 1;
const words = (name: string) => name.toLowerCase().split(' ');

describe('one edit in a name of two or three words', () => {
  it.each([
    ['tom cook', 'tim cook'],
    ['harry page', 'larry page'],
    ['cook tom', 'tim cook'],
    ['soussou abib', 'habib soussou'],
    ['ali reza tehrani', 'ali raza tehrani'],
  ])('takes %s for %s', (a, b) => {
    expect(oneEditApart(words(a), words(b), rare)).toBe(true);
  });

  it.each([
    ['ahmed farah', 'ahmed afrah'],
    ['abdul basir', 'abdul nasir'],
    ['jo kim', 'ja kim'],
    ['tom cook smith', 'tim cook'],
    ['tom cook', 'tim cock'],
    ['michel obama', 'michelle obama'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(oneEditApart(words(a), words(b), rare)).toBe(false);
  });

  it('needs the words that agree to be rare in the list', () => {
    expect(oneEditApart(words('jamal khan'), words('kamal khan'), () => 40)).toBe(false);
  });

  it('keys a three-letter word with each letter a wildcard', () => {
    expect(wildcardKeys('tom')).toEqual(['h:_om', 'h:t_m', 'h:to_']);
    expect(wildcardKeys('tim').filter((k) => wildcardKeys('tom').includes(k))).toEqual(['h:t_m']);
    expect(wildcardKeys('cook')).toEqual([]);
  });
});
