/**
 * One letter changed in a name of two or three words, every other word the same: the commonest
 * typo, and the one screening engines allow by the length of the whole name rather than of the
 * word (Tim Cook / Tom Cook, Larry Page / Harry Page, Bill Gates / Bill Cates: one edit in seven
 * letters or more). A word of three to five letters allows no typo on its own (Mary/Mark alone
 * says little); here the rest of the name carries it, so the rest must be rare in the list:
 * beside a word many listed names hold (Khan, Mohammad), one letter makes a stranger.
 */
import { editDistance } from './fuzzy.ts';
import { otherSexGivenName } from './gender.ts';
import { givenNameForm, PARTICLES } from './tokens.ts';

/** Score of such a name: the alert line. */
export const ONE_EDIT = 0.9;
/** Letters of the whole name, at least: one edit in fewer is a quarter of a short word. */
const MIN_LETTERS = 7;
/** Shortest word the edit may be in (two-letter words are syllables and initials). */
const MIN_WORD = 3;
/** A word in more listed spellings than this proves little alone, nor carries a changed word beside it. */
export const COMMON_WORD = 25;
/** First halves of Arabic compound names and kunyas: the next word is half of a name (Abdul Basir/Nasir). */
const COMPOUND_FIRST: ReadonlySet<string> = new Set(['abdul', 'abu', 'umm']);

/**
 * True when two names of two or three words (no particle, no initial) have all their words the
 * same, in any order, but one pair one edit apart. `frequency` counts a word's listed spellings.
 */
export function oneEditApart(
  a: readonly string[],
  b: readonly string[],
  frequency: (word: string) => number,
): boolean {
  if (a.length !== b.length || a.length < 2 || a.length > 3) return false;
  let letters = 0;
  for (const w of a) {
    if (w.length < 2 || PARTICLES.has(w) || COMPOUND_FIRST.has(w)) return false;
    letters += w.length;
  }
  if (letters < MIN_LETTERS) return false;
  const left = b.map(givenNameForm);
  const odd: string[] = [];
  for (const w of a) {
    const at = left.indexOf(givenNameForm(w));
    if (at < 0) odd.push(w);
    else if (frequency(w) > COMMON_WORD) return false;
    else left.splice(at, 1);
  }
  if (odd.length !== 1 || left.length !== 1) return false;
  const x = odd[0]!;
  const y = b.find((w) => givenNameForm(w) === left[0])!;
  if (x.length < MIN_WORD || y.length < MIN_WORD || COMPOUND_FIRST.has(y)) return false;
  // The first letter replaced or dropped (Larry/Harry, Abib/Habib), not moved (Farah/Afrah
  // is another name).
  if (x[0] !== y[0] && x.slice(1) !== y.slice(1) && x.slice(1) !== y && y.slice(1) !== x)
    return false;
  return editDistance(x, y, 1) === 1 && !otherSexGivenName(x, y);
}

/** Index keys of a three-letter word with each letter a wildcard (tom: _om, t_m, to_), so Tim finds Tom. */
export function wildcardKeys(word: string): string[] {
  if (word.length !== MIN_WORD || PARTICLES.has(word)) return [];
  return [`h:_${word.slice(1)}`, `h:${word[0]}_${word[2]}`, `h:${word.slice(0, 2)}_`];
}
