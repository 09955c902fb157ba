import { describe, expect, it } from 'vitest';
import { defaultsOf } from '../../shared/engine/config/index.ts';
import { schema } from '../../shared/engine/rules/identity-match.ts';
import { matchPerson, NameIndex } from '../../shared/identity/index.ts';
import { listedPerson } from './labelled.ts';

const weights = defaultsOf(schema);

/** True when `query` alerts, screened against a list holding `listed` among other names. */
function matches(query: string, listed: string): boolean {
  const names = [listed, 'Li Wei', 'Wang Fang', 'Deng Xiaoming', 'Zhang Yong', 'Kim Jong Un'];
  const index = new NameIndex(names.map((name, i) => listedPerson(`p${i}`, name)));
  return matchPerson(index, { names: [query] }, weights).some((m) => m.entry.name === listed);
}

describe('Chinese names in Wade-Giles and Pinyin', () => {
  it.each([
    ['Mao Tse-tung', 'Mao Zedong'],
    ['Teng Hsiao-ping', 'Deng Xiaoping'],
    ["Teng Hsiao-p'ing", 'Deng Xiaoping'],
    ['Chou En-lai', 'Zhou Enlai'],
    ['Chiang Ching-kuo', 'Jiang Jingguo'],
    ['Hsu Chih-kang', 'Xu Zhigang'],
    ['Zhou Enlai', 'Chou En-lai'],
  ])('matches %s ~ %s', (query, listed) => {
    expect(matches(query, listed)).toBe(true);
  });

  it.each([
    ['Teng Hsiao-ping', 'Deng Xiaoming'],
    ['Hsu Wei', 'Xu Lei'],
    ['Tan Li', 'Dan Li'],
    ['Ben Tang', 'Pen Dang'],
  ])('keeps %s and %s apart', (query, listed) => {
    expect(matches(query, listed)).toBe(false);
  });
});

describe('Chinese names as heard', () => {
  it.each([
    ['Shi Jinping', 'Xi Jinping'],
    ['Si Jinpin', 'Xi Jinping'],
    ['Shi Jin-ping', 'Xi Jinping'],
  ])(
    'matches a name of three syllables with x, sh and s or -ng and -n confused: %s ~ %s',
    (query, listed) => {
      expect(matches(query, listed)).toBe(true);
    },
  );

  it.each([
    ['Su Wei', 'Xu Wei'],
    ['Shi Lin', 'Xi Ling'],
    ['Si Jinpin', 'Xi Jianping'],
  ])(
    'keeps %s and %s apart (two syllables, or a syllable that sounds otherwise)',
    (query, listed) => {
      expect(matches(query, listed)).toBe(false);
    },
  );
});

describe('a family name after a title', () => {
  it('matches a title and a rare family name: Mr. Lukashenko', () => {
    expect(matches('Mr. Lukashenko', 'Alexander Grigoryevich Lukashenko')).toBe(true);
    expect(matches('President Lukashenko', 'Alexander Grigoryevich Lukashenko')).toBe(true);
    expect(matches('Dr. Lukashenko', 'LUKASHENKO, Alexander Grigoryevich')).toBe(true);
  });

  it('needs the title, and the family name', () => {
    expect(matches('Lukashenko', 'Alexander Grigoryevich Lukashenko')).toBe(false);
    expect(matches('Mr. Grigoryevich', 'Alexander Grigoryevich Lukashenko')).toBe(false);
    expect(matches('Mr. Lukashenka', 'Alexander Grigoryevich Lukashenko')).toBe(false);
    expect(matches('Dr. Wang', 'Wang Fang')).toBe(false);
  });
});

describe('Wade-Giles syllables Pinyin writes with other letters', () => {
  it.each([
    ['Jen Cheng-fei', 'Ren Zhengfei'],
    ['Chu Jung-chi', 'Zhu Rongji'],
    ['Li K\u2019o-ch\u2019iang', 'Li Keqiang'],
    ['Ho Lung', 'He Long'],
    ['Chang Tso-lin', 'Zhang Zuolin'],
    ['Kuo Mo-jo', 'Guo Moruo'],
    ['Chao Tzu-yang', 'Zhao Ziyang'],
    ['Yeh Chien-ying', 'Ye Jianying'],
    ['Chu Teh', 'Zhu De'],
    ['Chang Hs\u00fceh-liang', 'Zhang Xueliang'],
    ['Tsai Ing-wen', 'Cai Yingwen'],
  ])(
    'matches %s ~ %s (j as r, o as e or uo, tzu as zi, -eh, a syllable starting with i)',
    (query, listed) => {
      expect(matches(query, listed)).toBe(true);
      expect(matches(listed, query)).toBe(true);
    },
  );

  it.each([
    ['Jen Cheng-fei', 'Jin Zhengfei'],
    ['Chao Tzu-yang', 'Zhao Zuyang'],
    ['Yeh Chien-ying', 'Yan Jianying'],
    ['Chang Tso-lin', 'Zhang Zhuolin'],
    ['Jong In Chol', 'Rong In Chol'],
  ])('keeps %s and %s apart (another syllable)', (query, listed) => {
    expect(matches(query, listed)).toBe(false);
  });

  it('reads -eh as a final only where it ends a word (Dehuai is de-huai)', () => {
    expect(matches("P'eng Te-huai", 'Peng Dehuai')).toBe(true);
  });
});
