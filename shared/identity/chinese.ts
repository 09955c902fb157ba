/**
 * Chinese names in Wade-Giles (Hsi Chin-p'ing, Mao Tse-tung, Chiang Ching-kuo) and in Pinyin
 * (Xi Jinping, Mao Zedong, Jiang Jingguo) read to one key per syllable. Wade-Giles marks
 * aspiration with an apostrophe that is mostly left out, so p/b, t/d, k/g, ch/zh/j/q and
 * ts/tz/z/c fall together; its distinct finals (-ung, -ieh, -ien, -ih, -uei, -erh) read as
 * Pinyin's.
 */

/** Initials, longest first; each with the key it shares with its other spellings. */
const INITIALS: readonly (readonly [string, string])[] = [
  ['zh', 'J'],
  ['ch', 'J'],
  ['sh', 'SH'],
  ['hs', 'X'],
  ['ts', 'Z'],
  ['tz', 'Z'],
  ['b', 'B'],
  ['p', 'B'],
  ['m', 'M'],
  ['f', 'F'],
  ['d', 'D'],
  ['t', 'D'],
  ['n', 'N'],
  ['l', 'L'],
  ['g', 'G'],
  ['k', 'G'],
  ['h', 'H'],
  ['j', 'J'],
  ['q', 'J'],
  ['x', 'X'],
  ['r', 'R'],
  ['z', 'Z'],
  ['c', 'Z'],
  ['s', 'S'],
  ['y', 'Y'],
  ['w', 'W'],
  ['', ''],
];

/** Finals, longest first, with their Pinyin form. */
const FINALS: readonly (readonly [string, string])[] = [
  ['iang', 'IANG'],
  ['iong', 'IONG'],
  ['iung', 'IONG'],
  ['uang', 'UANG'],
  ['ueng', 'UENG'],
  ['ieh', 'IE'],
  ['ueh', 'UE'],
  ['ien', 'IAN'],
  ['ian', 'IAN'],
  ['ing', 'ING'],
  ['iao', 'IAO'],
  ['ang', 'ANG'],
  ['eng', 'ENG'],
  ['ong', 'ONG'],
  ['ung', 'ONG'],
  ['uai', 'UAI'],
  ['uan', 'UAN'],
  ['uei', 'UI'],
  ['erh', 'ER'],
  ['eh', 'E'],
  ['ai', 'AI'],
  ['ei', 'EI'],
  ['ao', 'AO'],
  ['ou', 'OU'],
  ['an', 'AN'],
  ['en', 'EN'],
  ['er', 'ER'],
  ['ia', 'IA'],
  ['ie', 'IE'],
  ['iu', 'IU'],
  ['in', 'IN'],
  ['ih', 'I'],
  ['ua', 'UA'],
  ['uo', 'UO'],
  ['ui', 'UI'],
  ['un', 'UN'],
  ['ue', 'UE'],
  ['a', 'A'],
  ['o', 'O'],
  ['e', 'E'],
  ['i', 'I'],
  ['u', 'U'],
  ['v', 'U'],
];

/** Spellings only Wade-Giles uses: a name with one of them is no Pinyin name. */
const WADE_GILES_INITIALS = new Set(['hs', 'ts', 'tz']);
const WADE_GILES_FINALS = new Set(['iung', 'ieh', 'ueh', 'eh', 'ien', 'ung', 'ih', 'uei', 'erh']);
/** Wade-Giles "ssu"/"szu" is Pinyin "si". */
const WADE_GILES_SI = new Set(['ssu', 'szu']);

/** A word read as Chinese syllables: their keys, and whether it is spelled the Wade-Giles way. */
export interface ChineseWord {
  readonly keys: readonly string[];
  readonly wadeGiles: boolean;
}

/** Finals a Wade-Giles j starts that Pinyin's j never does: that j is Pinyin's r (Jen, Jung, Jao). */
const WADE_GILES_J = /^(a|an|ang|ao|e|eh|en|eng|o|ou|ung|ui|uei|ih)$/;
/** Pinyin initials a Wade-Giles final o follows as uo (Tso, Lo, To: Zuo, Luo, Duo). */
const UO_AFTER = new Set(['D', 'N', 'L', 'Z', 'J', 'S', 'SH', 'R']);

/**
 * The key of one syllable, with the Wade-Giles spellings Pinyin writes otherwise read as
 * Pinyin's: j before a, e, o, ung is r (Jen Ren, Jung Rong); o after k or h is e (K'o Ke, Ho
 * He) and after other initials uo (Tso Zuo, Jo Ruo); tzu is zi (Tzu-yang, Ziyang); yen is yan;
 * a syllable starting with i takes Pinyin's y (Ing, Ying). `wadeGiles` when only Wade-Giles
 * writes the syllable so.
 */
function wadeGilesSyllable(
  initial: string,
  ik: string,
  final: string,
  fk: string,
): { key: string; wadeGiles: boolean } {
  const j = initial === 'j' && WADE_GILES_J.test(final);
  const i = j ? 'R' : ik;
  if (final === 'o' && (i === 'G' || i === 'H')) return { key: `${i}E`, wadeGiles: true };
  if (final === 'o' && UO_AFTER.has(i)) return { key: `${i}UO`, wadeGiles: j || i !== 'L' };
  if (initial === 'tz' && final === 'u') return { key: 'ZI', wadeGiles: true };
  if (i === 'Y' && fk === 'EN') return { key: 'YAN', wadeGiles: true };
  if (i === '' && fk.startsWith('I')) return { key: `Y${fk}`, wadeGiles: false };
  return { key: i + fk, wadeGiles: j };
}

function parse(word: string, at: number, keys: string[], wg: { seen: boolean }): boolean {
  if (at === word.length) return keys.length > 0;
  for (const si of WADE_GILES_SI) {
    if (!word.startsWith(si, at)) continue;
    keys.push('SI');
    if (parse(word, at + si.length, keys, wg)) {
      wg.seen = true;
      return true;
    }
    keys.pop();
  }
  for (const [initial, ik] of INITIALS) {
    if (!word.startsWith(initial, at)) continue;
    const from = at + initial.length;
    for (const [final, fk] of FINALS) {
      if (!word.startsWith(final, from)) continue;
      // Pinyin writes ü as v after n and l only (lv, nv): "sechev" is no Chinese name.
      if (final === 'v' && initial !== 'n' && initial !== 'l') continue;
      // Wade-Giles -eh and -üeh end a syllable it hyphenates: inside a word, "dehuai" is de-huai.
      if (final.endsWith('eh') && from + final.length !== word.length) continue;
      const syllable = wadeGilesSyllable(initial, ik, final, fk);
      keys.push(syllable.key);
      const seen = wg.seen;
      if (
        syllable.wadeGiles ||
        WADE_GILES_INITIALS.has(initial) ||
        WADE_GILES_FINALS.has(final) ||
        // Pinyin writes no "ch" before an i- final but in "chi" (Chiang, Ching are Wade-Giles).
        (initial === 'ch' && final.length > 1 && final[0] === 'i')
      )
        wg.seen = true;
      if (parse(word, from + final.length, keys, wg)) return true;
      wg.seen = seen;
      keys.pop();
    }
  }
  return false;
}

const MAX_WORD = 16;
const cache = new Map<string, ChineseWord | null>();
const CACHE_LIMIT = 100_000;

/** A folded word read as Chinese syllables (Pinyin or Wade-Giles); undefined when it is none. */
export function chineseWord(word: string): ChineseWord | undefined {
  let out = cache.get(word);
  if (out === undefined) {
    const keys: string[] = [];
    const wg = { seen: false };
    out =
      word.length <= MAX_WORD && /^[a-z]+$/.test(word) && parse(word, 0, keys, wg)
        ? { keys, wadeGiles: wg.seen }
        : null;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, out);
  }
  return out ?? undefined;
}

/**
 * A whole name read as Chinese syllables; undefined when a word is none or it has one syllable.
 * `marked`: the name as written hyphenates its syllables or marks aspiration (En-lai, P'ing),
 * as Wade-Giles does and Pinyin does not.
 */
export function chineseName(tokens: readonly string[], marked: boolean): ChineseWord | undefined {
  const keys: string[] = [];
  let wadeGiles = marked;
  for (const t of tokens) {
    const w = chineseWord(t);
    if (w === undefined) return undefined;
    keys.push(...w.keys);
    wadeGiles ||= w.wadeGiles;
  }
  return keys.length >= 2 ? { keys, wadeGiles } : undefined;
}

/**
 * A syllable as a listener writes it who does not know Pinyin: x as sh or s (Xi Jinping as Shi
 * or Si Jinping), sh as s, and a final -ng as -n (Jinpin), the distinctions such listeners
 * and many southern speakers do not hear.
 */
export function heardKey(key: string): string {
  return key.replace(/^(X|SH)/, 'S').replace(/NG$/, 'N');
}

/** Credit for a syllable that only sounds the same (Xi/Shi, Ping/Pin). */
const HEARD_CREDIT = 0.86;
/**
 * Syllables a name needs before a heard syllable counts: two-syllable names that differ by
 * one (Xu Wei, Su Wei) are two common names; three or more carry one or two such syllables.
 */
const HEARD_MIN_SYLLABLES = 3;

/**
 * Dice over the syllable keys of two Chinese names, in any order: the same syllable counts
 * one, one that only sounds the same (heardKey) less, in names of three syllables or more.
 * Two Pinyin names spelled alike are compared by their words already: here they count only
 * for their heard syllables (Tan is not Dan in Pinyin).
 */
export function chineseSimilarity(a: ChineseWord, b: ChineseWord): number {
  const wadeGiles = a.wadeGiles || b.wadeGiles;
  const heard = Math.min(a.keys.length, b.keys.length) >= HEARD_MIN_SYLLABLES;
  if (!wadeGiles && !heard) return 0;
  const left = [...b.keys];
  let same = 0;
  const unmatched: string[] = [];
  for (const k of a.keys) {
    const at = left.indexOf(k);
    if (at < 0) {
      unmatched.push(k);
      continue;
    }
    left.splice(at, 1);
    same++;
  }
  if (heard) {
    for (const k of unmatched) {
      const at = left.findIndex((o) => heardKey(o) === heardKey(k));
      if (at < 0) continue;
      left.splice(at, 1);
      same += HEARD_CREDIT;
    }
  }
  return (2 * same) / (a.keys.length + b.keys.length);
}
