/**
 * Arabic, Persian, Urdu and Hebrew script write consonants and long vowels only: "محمد" is
 * m-h-m-d whether the Latin list spells it Muhammad, Mohamed or Mohd. A name in one of these
 * scripts and a Latin spelling are compared by their consonants, which both keep.
 */
import { consonantsOf } from './consonants.ts';
import { editDistance } from './fuzzy.ts';
import { foldText, toAscii } from './text.ts';

/** Letters of the abjad scripts, with their presentation forms. */
const ABJAD = /[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb1d-\ufdff\ufe70-\ufeff]/;

/** True when a name is written in Arabic, Persian, Urdu or Hebrew script. */
export function isAbjad(name: string): boolean {
  return ABJAD.test(name);
}

/** Consonants of each word of a name, as written (titles and particles kept: both sides write them). */
export function consonantWords(name: string): string[] {
  const folded = foldText(toAscii(name));
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

/** A name's consonants, whole and word by word. */
export interface Consonants {
  readonly all: string;
  readonly words: ReadonlySet<string>;
}

/**
 * Similarity of two names by their consonants in order (edit distance over the longer),
 * discounted when the consonants are too few to tell names apart, and kept under the alert
 * line when the words break elsewhere (Mariam Haddad and امیری مهدی, Amiri Mahdi, are both
 * m-r-m-h-d).
 */
export function consonantSimilarity(a: Consonants, b: Consonants): number {
  const longest = Math.max(a.all.length, b.all.length);
  if (longest === 0) return 0;
  const d = editDistance(a.all, b.all, longest);
  const s = longest < MIN_KEY ? (1 - d / longest) * 0.85 : 1 - d / longest;
  const shared = [...a.words].some((w) => b.words.has(w));
  return shared ? s : Math.min(s, NO_SHARED_WORD);
}
