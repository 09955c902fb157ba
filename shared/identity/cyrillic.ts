/**
 * Two names both written in Cyrillic compared letter by letter as written. Transliterated, one
 * Cyrillic letter may be two to four Latin ones (ч ch, ж zh, щ shch), so a single mistyped
 * letter (Вукић for Вучић) becomes two or three edits in Latin and no typo rule allows it.
 */
import { editDistance } from './fuzzy.ts';
import { pairedCredit } from './pairing.ts';

const CYRILLIC_WORD = /[\u0400-\u04ff]+/g;

/** Lowercase Cyrillic words of a name written in Cyrillic, two at least; else undefined. */
export function cyrillicWords(name: string): readonly string[] | undefined {
  const ws = name.toLowerCase().match(CYRILLIC_WORD);
  return ws !== null && ws.length >= 2 ? ws : undefined;
}

/** Shortest word allowed one mistyped letter, and two (as in Latin: none in Мария/Марка). */
const ONE_TYPO_WORD = 5;
const TWO_TYPO_WORD = 9;
const ONE_TYPO_CREDIT = 0.9;
const TWO_TYPO_CREDIT = 0.85;

/** The other sex's form of a Russian family name is the same family name (Петров, Петрова: see gender.ts). */
function otherSex(a: string, b: string): boolean {
  if (b === `${a}а` && /(ов|ев|ёв|ин|ын)$/.test(a)) return true;
  return /(ий|ой|ый)$/.test(a) && b === `${a.slice(0, -2)}ая`;
}

function credit(a: string, b: string): number {
  if (a === b) return 1;
  if (otherSex(a, b) || otherSex(b, a)) return 1;
  const shortest = Math.min(a.length, b.length);
  if (shortest < ONE_TYPO_WORD) return 0;
  const d = editDistance(a, b, shortest >= TWO_TYPO_WORD ? 2 : 1);
  if (d === 1) return ONE_TYPO_CREDIT;
  return d === 2 && shortest >= TWO_TYPO_WORD ? TWO_TYPO_CREDIT : 0;
}

/** Dice over the words of two Cyrillic names, each paired once, best credits first. */
export function cyrillicSimilarity(a: readonly string[], b: readonly string[]): number {
  const matched = pairedCredit(a.length, b.length, (i, j) => credit(a[i]!, b[j]!));
  return (2 * matched) / (a.length + b.length);
}

/** Index keys of a Cyrillic word: itself and each form with one letter deleted. */
export function cyrillicKeys(word: string): string[] {
  if (word.length < ONE_TYPO_WORD) return [`cy:${word}`];
  const out = new Set([`cy:${word}`]);
  for (let i = 0; i < word.length; i++) out.add(`cy:${word.slice(0, i)}${word.slice(i + 1)}`);
  return [...out];
}
