/**
 * Consonants of a transliterated word: Arabic, Persian and Urdu names reach Latin letters with
 * their vowels spelled at will (Iyad, Eyad, Ayyad), and their script writes none of the short
 * ones, so the consonants are what two spellings, or a spelling and the script, share.
 */

// Latin spellings of one Arabic letter reduced to one letter: kh (خ), gh (غ), sh and the
// French ch (ش), th (ث), dh (ذ, ظ: Nazmi, Nadhmi), q and k (ق, ك), p and v of Persian and Urdu,
// the French dj (ج: Djamel, Djibril).
const LETTERS: readonly [RegExp, string][] = [
  [/dj/g, 'j'],
  [/kh/g, 'x'],
  [/gh/g, 'g'],
  [/sh|ch/g, '$'],
  [/th/g, 't'],
  [/dh/g, 'z'],
  [/q/g, 'k'],
  [/ph/g, 'f'],
  [/p/g, 'b'],
  [/v/g, 'f'],
];

/** Written between two letters that a digraph would otherwise read as one (س ه, not ش). */
export const LETTER_BREAK = '0';

/**
 * The consonants of one folded word: vowels and the glides w and y dropped (the script writes
 * long vowels as و and ي), doubled letters once (no shadda is written), a final h dropped
 * (ة, and Latin -ah/-eh); a final long i kept as Y, since it makes another name (Ahmadi is
 * not Ahmad, Wahidi not Haddad).
 */
export function consonantsOf(word: string, script = false): string {
  const mapped = LETTERS.reduce((w, [from, to]) => w.replace(from, to), word).replaceAll(
    LETTER_BREAK,
    '',
  );
  // Transliterated from the script, a two-letter word is a consonant and its long i (علي ly, Ali).
  const long = word.length > 2 || (script && word.length === 2);
  const finalI = long && /(i|y|ee|ie)$/.test(word) ? 'Y' : '';
  const stem = mapped
    .replace(/[aeiouwy]/g, '')
    .replace(/(.)\1+/g, '$1')
    .replace(/(.)h$/, '$1');
  return stem + finalI;
}
