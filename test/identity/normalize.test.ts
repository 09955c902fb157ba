import { describe, expect, it } from 'vitest';
import {
  addressKey,
  blockingKeys,
  emailKey,
  handleKey,
  jaroWinkler,
  personKeys,
  phoneKey,
  syllables,
} from '../../shared/identity/index.ts';

describe('romanized Korean names', () => {
  it('splits joined given names into syllables', () => {
    expect(syllables('inchol')).toEqual(['in', 'chol']);
    expect(syllables('kyongsik')).toEqual(['kyong', 'sik']);
    expect(syllables('sanghyun')).toEqual(['sang', 'hyun']);
  });

  it('gives the spellings of one name the same keys, in any order', () => {
    const key = (n: string) => personKeys(n).sort().join(' ');
    for (const n of ['Chong In-chol', 'In Chol Jong', 'Jeong Incheol', 'JUNG IN CHUL'])
      expect(key(n)).toBe(key('Jong In Chol'));
    expect(key('Sohn Kyung-shik')).toBe(key('Son Kyong Sik'));
    expect(key('Lee Chul')).toBe(key('Ri Chol'));
    expect(key('Kim Sang-min')).not.toBe(key('Kim Sang Man'));
  });

  it('puts names one syllable apart in a shared bucket', () => {
    const a = new Set(blockingKeys('Jong In Chol', 'person'));
    expect(blockingKeys('Jong In Su', 'person').some((k) => a.has(k))).toBe(true);
    expect(blockingKeys('Park Ji Hoon', 'person').some((k) => a.has(k))).toBe(false);
  });

  it('computes Jaro-Winkler', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
});

describe('contact keys', () => {
  it('normalizes emails', () => {
    expect(emailKey('John.Doe+jobs@GoogleMail.com')).toBe('johndoe@gmail.com');
    expect(emailKey('j.doe+x@proton.me')).toBe('j.doe@proton.me');
    expect(emailKey('not-an-email')).toBeUndefined();
  });

  it('normalizes phones and handles', () => {
    expect(phoneKey('+1 (415) 555-0100')).toBe(phoneKey('415.555.0100'));
    expect(phoneKey('0044 20 7946 0958')).toBe(phoneKey('+44 20 7946 0958'));
    expect(phoneKey('12-34')).toBeUndefined();
    expect(handleKey('Telegram: @Kim_Dev')).toBe('kim_dev');
    expect(handleKey('@kim_dev')).toBe('kim_dev');
  });

  it('normalizes home addresses', () => {
    expect(addressKey('1420 Oakridge Dr, Nashville, TN 37201')).toBe(
      addressKey('1420 OAKRIDGE DRIVE NASHVILLE TN 37201'),
    );
  });
});
