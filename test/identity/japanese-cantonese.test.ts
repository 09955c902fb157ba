import { describe, expect, it } from 'vitest';
import { sameChineseSurname } from '../../shared/identity/cantonese.ts';
import { hepburnKey } from '../../shared/identity/hepburn.ts';
import { alertsBothWays, alertsAlone as matches } from './labelled.ts';

describe('Japanese names in Hepburn, Kunrei-shiki and passport spellings', () => {
  it.each([
    ['Itou Hiroshi', 'Ito Hiroshi'],
    ['Ohno Kenji', 'Ono Kenji'],
    ['Satoh Taroh', 'Sato Taro'],
    ['Yuusuke Kondou', 'Yusuke Kondo'],
    ['Matsumoto Shinichi', 'Matumoto Siniti'],
    ['Tsuchiya Kazuo', 'Tutiya Kazuo'],
    ['Fujita Junichirou', 'Huzita Zyunitiro'],
    ['Homma Kenji', 'Honma Kenji'],
  ])(
    'matches %s ~ %s (long vowels, shi/si, chi/ti, tsu/tu, fu/hu, ji/zi, m/n before b, m, p)',
    (query, listed) => {
      expect(alertsBothWays(query, listed)).toEqual([true, true]);
    },
  );

  it.each([
    ['Ito Hiroshi', 'Ota Hiroshi'],
    ['Sato Kenji', 'Saito Kenji'],
    ['Kato Yuki', 'Kaito Yuki'],
    ['Ho Ming', 'Hou Ming'],
  ])(
    'keeps %s and %s apart (other syllables; one-syllable words are not read so)',
    (query, listed) => {
      expect(matches(query, listed)).toBe(false);
    },
  );

  it('reads only words made of Japanese syllables', () => {
    expect(hepburnKey('satou')).toBe(hepburnKey('sato'));
    expect(hepburnKey('smith')).toBe('');
    expect(hepburnKey('hou')).toBe('');
  });
});

describe('Chinese surnames in their Cantonese spelling', () => {
  it.each([
    ['Chan Wei', 'Chen Wei'],
    ['Wong Wei', 'Huang Wei'],
    ['Wong Ming', 'Wang Ming'],
    ['Cheung Hong', 'Zhang Hong'],
    ['Lau Ming', 'Liu Ming'],
    ['Chow Ming', 'Zhou Ming'],
    ['Kwok Ming', 'Guo Ming'],
    ['Ming Yeung', 'Yang Ming'],
  ])('matches %s ~ %s (Hong Kong spelling of the surname, Pinyin of the same)', (query, listed) => {
    expect(alertsBothWays(query, listed)).toEqual([true, true]);
  });

  it.each([
    ['Lee Ming', 'Lin Ming'],
    ['Chan Ming', 'Zhou Ming'],
    ['Tang Ming', 'Deng Ming'],
    ['Hui Zhang', 'Xu Zhang'],
  ])('keeps %s and %s apart (another surname; Pinyin syllables of their own)', (query, listed) => {
    expect(matches(query, listed)).toBe(false);
  });

  it('knows both surnames Wong writes', () => {
    expect(sameChineseSurname('wong', 'huang')).toBe(true);
    expect(sameChineseSurname('wang', 'wong')).toBe(true);
    expect(sameChineseSurname('wang', 'huang')).toBe(false);
  });
});
