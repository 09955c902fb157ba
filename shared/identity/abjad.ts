/**
 * Arabic, Persian, Urdu and Hebrew script write consonants and long vowels only: "محمد" is
 * m-h-m-d whether the Latin list spells it Muhammad, Mohamed or Mohd. A name in one of these
 * scripts and a Latin spelling are compared by their consonants, which both keep.
 */
import { consonantsOf } from './consonants.ts';
import { editDistance } from './fuzzy.ts';
import { ABJAD, foldText, toAscii } from './text.ts';

/** True when a name is written in Arabic, Persian, Urdu or Hebrew script. */
export function isAbjad(name: string): boolean {
  return ABJAD.test(name);
}

/**
 * Consonants of each word of a name, as written (titles and particles kept: both sides write
 * them). A ta marbuta is dropped, like the final -a, -ah or -at of Latin spellings: read as h
 * it would join a d before it into dh (حمودة, Hamuda).
 */
export function consonantWords(name: string): string[] {
  const folded = foldText(toAscii(name.replace(/\u0629/g, '')));
  return folded === '' ? [] : folded.split(' ').map(consonantsOf);
}

/**
 * Each word's consonants, two letters at least, and for a word of the script also without the
 * article glued to it (الحوثي -> lht -> ht): two spellings of one name share some of these.
 */
export function consonantWordSet(name: string): ReadonlySet<string> {
  const abjad = isAbjad(name);
  const out = new Set<string>();
  for (const k of consonantWords(name)) {
    if (k.length >= 2) out.add(k);
    if (abjad && k.startsWith('l') && k.length >= 3) out.add(k.slice(1));
  }
  return out;
}

/** Letters of the consonant strings that index a name for candidates across scripts. */
const GRAM = 4;

/**
 * Keys for finding candidates across scripts: the four-letter pieces of the whole name's
 * consonants. Word by word would miss names whose words break differently (عبد العزيز is
 * "bd lzz", Abdul Aziz "bdl zz"); in one string both read "bdlz".
 */
export function consonantKeys(name: string): string[] {
  const all = consonantWords(name).join('');
  const out = new Set<string>();
  for (let i = 0; i + GRAM <= all.length; i++) out.add(`g:${all.slice(i, i + GRAM)}`);
  if (out.size === 0 && all.length >= 2) out.add(`g:${all}`);
  return [...out];
}

/** How many of a name's pieces a candidate must share: a third of them, two at least. */
export function consonantKeysNeeded(keys: number): number {
  return Math.min(keys, Math.max(2, Math.floor(keys / 3)));
}

/** Keys this short say too little: two-letter consonant strings are shared by many names. */
const MIN_KEY = 5;

/** The most two names score when no word of one has the consonants of a word of the other. */
const NO_SHARED_WORD = 0.85;

/** A name's consonants, whole and word by word, and the long vowels it writes. */
export interface Consonants {
  readonly all: string;
  readonly words: ReadonlySet<string>;
  /** Vowels in order as A, I, U (see writtenVowels). */
  readonly vowels: string;
  /** `all` with a final alif maqsura read as i: see nameConsonants. */
  readonly maqsura?: string;
}

/** A word ending in alif maqsura. */
const MAQSURA_END = /\u0649(?=\s|$)/;
const MAQSURA_ENDS = /\u0649(?=\s|$)/g;

/**
 * A name's consonants and vowels for comparing across scripts. A final ى is a in Arabic
 * (مصطفى Mustafa) but stands for the final i of many Persian, Pashto and Urdu names
 * (حكيمى Hakimi, نعمانى Nomani): a name with one is also read the second way.
 */
export function nameConsonants(name: string): Consonants {
  const all = consonantWords(name).join('');
  const base = { all, words: consonantWordSet(name), vowels: writtenVowels(name) };
  if (!isAbjad(name) || !MAQSURA_END.test(name)) return base;
  return { ...base, maqsura: consonantWords(name.replace(MAQSURA_ENDS, '\u064a')).join('') };
}

// Long vowels of the script as Latin spellings write them: alif a (its forms with madda or
// wasla too), ya i (Persian and Urdu forms), waw u. An alif starting a word carries a short
// vowel of any colour (احمد Ahmad, اسماعيل Ismail), and a final alif maqsura or ye reads a or
// i by language (موسى Musa, نعمانى Nomani): neither says which, so neither counts.
const LONG_VOWELS: readonly [RegExp, string][] = [
  [/(^|\s)[\u0627\u0623\u0625]/g, '$1'],
  [/[\u0649\u064a\u06cc](?=\s|$)/g, ''],
  [/[\u0627\u0622\u0671]/g, 'a'],
  [/\u0625/g, 'i'],
  [/[\u064a\u06cc\u06d2]/g, 'i'],
  [/\u0648/g, 'u'],
];

/**
 * The vowels of a name in order, as A, I and U: the long vowels a name in Arabic script
 * writes, and every vowel of a Latin spelling (e, i and y as I, o, u and w as U; one for a
 * run of the same). The Latin spelling of a name adds short vowels to the script's.
 */
export function writtenVowels(name: string): string {
  const text = isAbjad(name)
    ? LONG_VOWELS.reduce((t, [from, to]) => t.replace(from, to), name.normalize('NFC'))
    : name;
  return foldText(toAscii(text))
    .replace(/a/g, 'A')
    .replace(/[eiy]/g, 'I')
    .replace(/[ouw]/g, 'U')
    .replace(/([AIU])\1+/g, '$1')
    .replace(/[^AIU]/g, '');
}

/** True when `short` is `long` with letters left out. */
function within(short: string, long: string): boolean {
  let at = 0;
  for (const c of short) {
    at = long.indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** Long vowels a short name must write, all found in the Latin spelling, to count fully. */
const MIN_AGREEING_VOWELS = 2;

/** True when the long vowels of the name in the script are found, in order, in the other. */
function vowelsAgree(a: Consonants, b: Consonants): boolean {
  const [script, latin] = a.vowels.length <= b.vowels.length ? [a, b] : [b, a];
  return script.vowels.length >= MIN_AGREEING_VOWELS && within(script.vowels, latin.vowels);
}

/**
 * Similarity of two names by their consonants in order (edit distance over the longer),
 * discounted when the consonants are too few to tell names apart unless the long vowels the
 * script writes agree too (طارق عزيز, Tariq Aziz: t-r-q z-z and a, i), and kept under the
 * alert line when the words break elsewhere (Mariam Haddad and امیری مهدی, Amiri Mahdi, are
 * both m-r-m-h-d).
 */
export function consonantSimilarity(a: Consonants, b: Consonants): number {
  const longest = Math.max(a.all.length, b.all.length);
  if (longest === 0) return 0;
  let d = editDistance(a.all, b.all, longest);
  if (a.maqsura !== undefined) d = Math.min(d, editDistance(a.maqsura, b.all, longest));
  if (b.maqsura !== undefined) d = Math.min(d, editDistance(a.all, b.maqsura, longest));
  const few = longest < MIN_KEY && !vowelsAgree(a, b);
  const s = few ? (1 - d / longest) * 0.85 : 1 - d / longest;
  const shared = [...a.words].some((w) => b.words.has(w));
  return shared ? s : Math.min(s, NO_SHARED_WORD);
}
