/**
 * Chinese surnames as Hong Kong and Macau write them (the Cantonese reading, in the
 * government's romanization), under their Pinyin spelling: 陳 Chan and Chen, 黃 Wong and Huang,
 * 張 Cheung and Zhang. Lists give a Hong Kong person either (CHEN, Guoji for Chan Kwok-ki), and
 * no letter rule joins the two readings.
 *
 * Written for this project from the common surnames of Hong Kong and their characters. Left out
 * are the Cantonese spellings that are English words or Pinyin syllables of their own (Law,
 * Man, So, To, Lo, Au, Ma, Yu, Kong, Tong; Tang for 鄧 Deng, Cheng for 鄭 Zheng, Wan for 溫 Wen,
 * Chu for 朱 Zhu, Hui for 許 Xu, Lai): one of them proves no surname. Wong stands for two,
 * 黃 Huang and 王 Wang.
 */
const CANTONESE_SURNAMES: Readonly<Record<string, readonly string[]>> = {
  chen: ['chan'],
  huang: ['wong'],
  wang: ['wong'],
  zhang: ['cheung'],
  li: ['lee'],
  wu: ['ng'],
  liu: ['lau'],
  liang: ['leung'],
  zeng: ['tsang'],
  lin: ['lam'],
  zhou: ['chow', 'chau'],
  guo: ['kwok'],
  yang: ['yeung'],
  xie: ['tse'],
  ye: ['yip'],
  cai: ['choi', 'tsoi'],
  feng: ['fung'],
  mai: ['mak'],
  tan: ['tam'],
  xiao: ['siu'],
  pan: ['poon'],
  zhao: ['chiu'],
  guan: ['kwan'],
  zhong: ['chung'],
  xu: ['tsui'],
  lu: ['lui', 'luk'],
  yuan: ['yuen'],
  luo: ['lok'],
  jiang: ['tseung'],
  qiu: ['yau'],
  he: ['ho'],
  shi: ['shek'],
  su: ['sou'],
  dong: ['tung'],
  huo: ['fok'],
};

/** Cantonese spelling -> the Pinyin spellings of the surnames it writes. */
const PINYIN_OF: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const [pinyin, forms] of Object.entries(CANTONESE_SURNAMES)) {
    for (const f of forms) {
      if (f === pinyin) continue;
      out.set(f, [...(out.get(f) ?? []), pinyin]);
    }
  }
  return out;
})();

/** Pinyin spelling -> its Cantonese spellings. */
const CANTONESE_OF: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(CANTONESE_SURNAMES).map(([p, forms]) => [p, forms.filter((f) => f !== p)]),
);

/** True when one word is the Cantonese spelling of a surname the other spells in Pinyin (Chan, Chen). */
export function sameChineseSurname(a: string, b: string): boolean {
  return (PINYIN_OF.get(a)?.includes(b) ?? false) || (PINYIN_OF.get(b)?.includes(a) ?? false);
}

/** The other reading's spellings of a surname, for a query to look them up (Chan finds CHEN). */
export function otherSurnameReadings(word: string): readonly string[] {
  return PINYIN_OF.get(word) ?? CANTONESE_OF.get(word) ?? [];
}
