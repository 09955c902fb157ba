/**
 * Japanese names in Latin letters as Hepburn, Kunrei-shiki and passports write them: one kana
 * spelling, several romanizations (Satō, Satou, Satoh and Sato; Itō, Itou, Ito; Ōno, Ohno, Ono;
 * Shinichi and Siniti, Tsuchiya and Tutiya, Matsumoto and Matumoto, Fujita and Huzita, Homma
 * and Honma). A word read as a string of Japanese syllables is reduced to a key those spellings
 * share: shi si, chi ti, tsu tu, fu hu, ji zi di, sha sya, cho tyo, ja zya jya; a long vowel
 * written ou, oo, oh, uu, aa, ii or ee as one vowel; the syllabic n written m before b, m, p.
 *
 * Written for this project from the Hepburn and Kunrei-shiki tables.
 */
import { cachedFold } from './text.ts';

/**
 * One Japanese syllable, Hepburn or Kunrei: an onset (with a glide y) and a vowel, the syllabic
 * n, a consonant doubled before its twin (the small tsu: Hattori, Matcha), and the h of a long
 * o as passports write it (Satoh, Ohno).
 */
const SYLLABLES =
  /^(?:(?:sh|ch|ts|[kgsztdnhbpmr]y|j|[kgsztdnhbpmryw]|f)?[aiueo]|n(?![aiueoy])|m(?=[bmp])|([kgsztdbpcfj])(?=\1)|t(?=ch)|(?<=o)h(?![aiueoy]))+$/;

/** Fewest syllables a word needs to be read so: one syllable is every language's (Ho, Ko, Lou). */
const MIN_SYLLABLES = 2;

function fold(word: string): string {
  if (!SYLLABLES.test(word)) return '';
  const key = word
    .replace(/(?<=o)h(?![aiueoy])/g, '')
    .replace(/m(?=[bmp])/g, 'n')
    .replace(/tch/g, 'tty')
    .replace(/sh(?=i)/g, 's')
    .replace(/sh/g, 'sy')
    .replace(/ch(?=i)/g, 't')
    .replace(/ch/g, 'ty')
    .replace(/ts(?=u)/g, 't')
    .replace(/f(?=u)/g, 'h')
    .replace(/jy?(?=[aueo])/g, 'zy')
    .replace(/[jd](?=i)/g, 'z')
    .replace(/d(?=u)/g, 'z')
    .replace(/o[uoh]|(?<=[^aiueo]|^)oo/g, 'o')
    .replace(/uu/g, 'u')
    .replace(/aa/g, 'a')
    .replace(/ii/g, 'i')
    .replace(/ee/g, 'e');
  return (key.match(/[aiueo]/g)?.length ?? 0) >= MIN_SYLLABLES ? key : '';
}

/** The key a Japanese name word's romanizations share; '' for a word that is no string of Japanese syllables. */
export const hepburnKey = cachedFold(fold);

/** True when two different words are one Japanese name in two romanizations (Itou, Ito; Siniti, Shinichi). */
export function sameJapaneseName(a: string, b: string): boolean {
  if (a === b) return false;
  const ka = hepburnKey(a);
  return ka !== '' && ka === hepburnKey(b);
}
