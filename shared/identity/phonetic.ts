/**
 * Foreign names written by sound in katakana (ドナルド・トランプ) or in Chinese characters with
 * the interpunct that marks a foreign name (贝拉克·奥巴马): each syllable carries a vowel the
 * name does not have (do-na-ru-do), r stands for r and l, and Chinese picks characters whose
 * initials are voiced or not at will. Such a name and its Latin spelling share only their
 * consonants, read coarsely; this module reduces both to that reading.
 */
import { editDistance } from './fuzzy.ts';
import { pairedCredit } from './pairing.ts';
import { toAscii } from './text.ts';

/** Katakana, the script Japanese writes foreign names in. */
const KATAKANA = /[\u30a1-\u30fa\u30fc]/;
/** Chinese characters. */
const HAN = /[\u3400-\u9fff]/;
/** The dot between the given name and the family name of a foreign name (Chinese ·, Japanese ・). */
const INTERPUNCT = /[\u00b7\u30fb\u2027\u2022\uff65=]/;
/** Word breaks of a name written by sound. */
const PARTS = /[\s\u00b7\u30fb\u2027\u2022\uff65=]+/;

// Letters that sound alike once a name has crossed into kana or Chinese and back, each to
// one letter: voiced and voiceless stops together (Chinese 巴 ba for "ba" and "pa"), r and l
// (one kana for both), m and n (ン before p is m: トランプ Toranpu, Trump), ch and t (チ chi
// for "ti": プーチン Puchin, Putin), j and d (ジ ji for "di", 基 ji in 弗拉基米尔), z and s (ズ zu
// for a final s), v as b (バ for "va").
const SOUNDS: readonly [RegExp, string][] = [
  [/tch|tsch|ch|cz|j/g, 't'],
  [/sch|sh|sz/g, 's'],
  [/ph/g, 'f'],
  [/ck|qu?|x/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/ng/g, 'n'],
  [/[bpv]/g, 'p'],
  [/[dt]/g, 't'],
  [/[gk]/g, 'k'],
  [/[zs]/g, 's'],
  [/[lr]/g, 'l'],
  [/[mn]/g, 'n'],
  [/[aeiouyhw]/g, ''],
];

/** The coarse consonants of one folded word ("donarudo" and "donald" -> tnlt). */
export function soundKey(word: string): string {
  return SOUNDS.reduce((w, [from, to]) => w.replace(from, to), word).replace(/(.)\1+/g, '$1');
}

/**
 * The sound keys of a name written by sound in katakana, or in Chinese characters with an
 * interpunct; undefined for any other name (a Chinese or Japanese name of its own is read by
 * its syllables, not as a foreign name).
 */
export function foreignReading(name: string): readonly string[] | undefined {
  if (!KATAKANA.test(name) && !(HAN.test(name) && INTERPUNCT.test(name))) return undefined;
  const keys = name
    .split(PARTS)
    .map((part) =>
      soundKey(
        toAscii(part)
          .toLowerCase()
          .replace(/[^a-z]/g, ''),
      ),
    )
    .filter((k) => k.length > 0);
  return keys.length > 0 ? keys : undefined;
}

/** A word's sound key found as it is. */
const SAME_SOUND = 0.95;
/**
 * A key of one or two consonants found as it is (Obama, Sato): many names share it, so a
 * name of two words needs its other word found as it is to alert (0.905), and two short
 * words alone do not (Sato Taro, サトウ タロウ, is not Sadat Tal).
 */
const SAME_SHORT_SOUND = 0.86;
/** One consonant more or less (唐纳德 Tang-na-de for Donald): a name's other words must agree. */
const NEAR_SOUND = 0.86;
/** Keys shorter than this are too common to count with a consonant changed. */
const MIN_NEAR_KEY = 3;

function soundCredit(a: string, b: string): number {
  if (a === b) return a.length < MIN_NEAR_KEY ? SAME_SHORT_SOUND : SAME_SOUND;
  if (Math.min(a.length, b.length) < MIN_NEAR_KEY) return 0;
  return editDistance(a, b, 1) <= 1 ? NEAR_SOUND : 0;
}

/**
 * Dice over the words of a name written by sound and a Latin name's words read the same
 * way, each word of one paired with at most one of the other, best credits first.
 */
export function soundSimilarity(foreign: readonly string[], latin: readonly string[]): number {
  const keys = latin.map(soundKey).filter((k) => k.length > 0);
  if (keys.length === 0) return 0;
  const matched = pairedCredit(foreign.length, keys.length, (i, j) =>
    soundCredit(foreign[i]!, keys[j]!),
  );
  return (2 * matched) / (foreign.length + keys.length);
}
