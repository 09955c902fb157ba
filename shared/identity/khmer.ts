/**
 * Khmer script to Latin letters, syllable by syllable, as Cambodian names reach passports and
 * lists (ហ៊ុន សែន Hun Sen, ប៉ុល ពត Pol Pot). any-ascii reads it letter by letter: it leaves out
 * the vowel a consonant carries when no vowel sign is written (ពត "pt" for Pot) and ignores the
 * signs that move a consonant to the other series (ប៉ is p, not b). Here a consonant starting a
 * syllable carries its series' vowel (a for the first series, o for the second) unless a sign
 * writes another, and a consonant after an open syllable closes it (UNGEGN letters, simplified
 * to the vowels Latin spellings of names use).
 */

/** Consonants: Latin letters and series (1: inherent a, 2: inherent o). */
const CONSONANTS: ReadonlyMap<string, readonly [string, 1 | 2]> = new Map([
  ['ក', ['k', 1]],
  ['ខ', ['kh', 1]],
  ['គ', ['k', 2]],
  ['ឃ', ['kh', 2]],
  ['ង', ['ng', 2]],
  ['ច', ['ch', 1]],
  ['ឆ', ['chh', 1]],
  ['ជ', ['ch', 2]],
  ['ឈ', ['chh', 2]],
  ['ញ', ['nh', 2]],
  ['ដ', ['d', 1]],
  ['ឋ', ['th', 1]],
  ['ឌ', ['d', 2]],
  ['ឍ', ['th', 2]],
  ['ណ', ['n', 1]],
  ['ត', ['t', 1]],
  ['ថ', ['th', 1]],
  ['ទ', ['t', 2]],
  ['ធ', ['th', 2]],
  ['ន', ['n', 2]],
  ['ប', ['b', 1]],
  ['ផ', ['ph', 1]],
  ['ព', ['p', 2]],
  ['ភ', ['ph', 2]],
  ['ម', ['m', 2]],
  ['យ', ['y', 2]],
  ['រ', ['r', 2]],
  ['ល', ['l', 2]],
  ['វ', ['v', 2]],
  ['ឝ', ['s', 1]],
  ['ឞ', ['s', 1]],
  ['ស', ['s', 1]],
  ['ហ', ['h', 1]],
  ['ឡ', ['l', 1]],
  ['អ', ['', 1]],
]);

/** Dependent vowels and the signs that end a syllable, by series. */
const VOWELS: ReadonlyMap<string, readonly [string, string]> = new Map([
  ['ា', ['a', 'ea']],
  ['ិ', ['e', 'i']],
  ['ី', ['i', 'i']],
  ['ឹ', ['oe', 'eu']],
  ['ឺ', ['oe', 'eu']],
  ['ុ', ['o', 'u']],
  ['ូ', ['ou', 'u']],
  ['ួ', ['uo', 'uo']],
  ['ើ', ['ae', 'eu']],
  ['ឿ', ['oea', 'oea']],
  ['ៀ', ['ie', 'ie']],
  ['េ', ['e', 'e']],
  ['ែ', ['e', 'e']],
  ['ៃ', ['ai', 'ey']],
  ['ោ', ['ao', 'o']],
  ['ៅ', ['au', 'ov']],
  ['ំ', ['am', 'um']],
  ['ះ', ['ah', 'eah']],
]);

/** Musikatoan (to the first series: ប៉ is p) and triisap (to the second). */
const TO_FIRST = '\u17c9';
const TO_SECOND = '\u17ca';
/** The sign that writes the next consonant under this one (a cluster, or the next syllable's onset). */
const COENG = '\u17d2';

/** Khmer letters and signs. */
export const KHMER = /[\u1780-\u17ff\u19e0-\u19ff]+/g;

/** One run of Khmer text in Latin letters (words stay apart; signs without a sound dropped). */
export function khmerToLatin(run: string): string {
  const chars = [...run];
  let out = '';
  // Whether the last syllable written ends in a vowel (a consonant after it may close it).
  let open = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const consonant = CONSONANTS.get(c);
    if (consonant === undefined) {
      // An independent vowel or anything else: any-ascii's reading; a space ends a word.
      if (VOWELS.has(c) || c === TO_FIRST || c === TO_SECOND || c === COENG) continue;
      if (/[\u17a3-\u17b3]/.test(c)) {
        out += c;
        open = true;
      } else if (/[\u17b4-\u17ff]/.test(c)) {
        // Other signs carry no sound of a name.
      } else {
        out += c;
        open = false;
      }
      continue;
    }
    let [letters, series] = consonant;
    let j = i + 1;
    if (chars[j] === TO_FIRST) {
      series = 1;
      if (c === 'ប') letters = 'p';
      j++;
    } else if (chars[j] === TO_SECOND) {
      series = 2;
      j++;
    }
    const vowel = VOWELS.get(chars[j] ?? '');
    if (vowel === undefined && open) {
      // No vowel after an open syllable: this consonant closes it (ពត: po-t).
      out += letters;
      open = false;
      i = j - 1;
      continue;
    }
    // A syllable starts: with the consonants written under this one, then its vowel.
    while (chars[j] === COENG && CONSONANTS.has(chars[j + 1] ?? '')) {
      const [under, underSeries] = CONSONANTS.get(chars[j + 1]!)!;
      letters += under;
      if (under !== '' && series === 1 && underSeries === 2 && letters.length === 1) series = 2;
      j += 2;
    }
    const written = VOWELS.get(chars[j] ?? '');
    if (written !== undefined) {
      out += letters + written[series - 1];
      j++;
      // A vowel sign and a final sign (ុំ um, េះ eh) read together.
      const after = VOWELS.get(chars[j] ?? '');
      if (after !== undefined && (chars[j] === 'ំ' || chars[j] === 'ះ')) {
        out += after[0].slice(-1);
        j++;
      }
    } else {
      out += letters + (series === 1 ? 'a' : 'o');
    }
    open = !/[mh]$/.test(out);
    i = j - 1;
  }
  return out;
}
