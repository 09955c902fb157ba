import anyAscii from 'any-ascii';
import { KHMER, khmerToLatin } from './khmer.ts';

/** Scripts written without spaces between syllables (Hangul, kana, CJK): one character, one syllable. */
export const SYLLABIC = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u3040-\u30ff\u3400-\u9fff]+/g;
/** Letters of the abjad scripts (Arabic, Persian, Urdu, Hebrew), with their presentation forms. */
export const ABJAD = /[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb1d-\ufdff\ufe70-\ufeff]/;
/** Apostrophes mark aspiration in McCune-Reischauer (ch'ŏl) and elisions elsewhere: not word breaks. */
const APOSTROPHES = /['\u2018\u2019\u02bc\u02bb`\u00b4]/g;

/** Korean surnames as Russian transcription (Kontsevich) writes them. */
const CYRILLIC_KOREAN_SURNAMES = new Set(
  'ким пак ли ри чон чен чхве цой сон со хан кан ко о юн ян чан чо ю квон хван ан пэ пэк хон хо нам сим ха чу мун ким кэ'.split(
    ' ',
  ),
);
// Kontsevich's letters that Russian readings would spell otherwise: х is h (Хёк), чх is the
// aspirated ch (Чхоль), ы is ŭ (Ын); the iotated vowels spelled out before a Latin h.
const KONTSEVICH: readonly [RegExp, string][] = [
  [/чх/gi, 'ch'],
  // чж is 'j' in the Chinese-style rendering of some Korean names (Ким Ё Чжон).
  [/чж/gi, 'j'],
  [/х/gi, 'h'],
  [/ы/gi, 'eu'],
  [/ё/gi, 'yo'],
  [/ю/gi, 'yu'],
  [/я/gi, 'ya'],
  [/ь/gi, ''],
];

/** A name in Cyrillic that reads as a Korean one: a Korean surname and short words only. */
export function cyrillicKorean(text: string): boolean {
  const words = text
    .toLowerCase()
    .split(/[\s,.-]+/)
    .filter(Boolean);
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    words.every((w) => /^[а-яё]{1,6}$/.test(w)) &&
    words.some((w) => CYRILLIC_KOREAN_SURNAMES.has(w))
  );
}

/**
 * A Hangul syllable as Revised Romanization writes it where any-ascii's letter-by-letter
 * reading differs: ㄹ first is r (리 Ri, 룡 Ryong), ㄱ ㅂ ㄷ last are k p t (박 Bak, 혁 Hyeok).
 */
function revisedRomanization(syllable: string): string {
  return syllable
    .replace(/^L/, 'R')
    .replace(/(?<!n)g$/, 'k')
    .replace(/b$/, 'p')
    .replace(/d$/, 't');
}

/** Small kana that glide into the syllable before them (キョ kyo, ジュ ju, ファ fa, ティ ti). */
const SMALL_KANA: ReadonlyMap<string, string> = new Map([
  ['ゃ', 'ya'],
  ['ゅ', 'yu'],
  ['ょ', 'yo'],
  ['ャ', 'ya'],
  ['ュ', 'yu'],
  ['ョ', 'yo'],
  ['ぁ', 'a'],
  ['ぃ', 'i'],
  ['ぅ', 'u'],
  ['ぇ', 'e'],
  ['ぉ', 'o'],
  ['ァ', 'a'],
  ['ィ', 'i'],
  ['ゥ', 'u'],
  ['ェ', 'e'],
  ['ォ', 'o'],
]);

/**
 * Kana with small glides read as Hepburn writes them (キョウコ Kyouko, not Kiyouko; ジュン Jun;
 * ファ fa): any-ascii reads each small kana as a syllable of its own. Other text is unchanged.
 */
function hepburn(run: string): string {
  if (![...run].some((c) => SMALL_KANA.has(c))) return run;
  const chars = [...run];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const glide = SMALL_KANA.get(chars[i + 1] ?? '');
    if (glide === undefined) {
      out += SMALL_KANA.has(chars[i]!) ? SMALL_KANA.get(chars[i]!)! : chars[i];
      continue;
    }
    const base = anyAscii(chars[i]!)
      .toLowerCase()
      .replace(/[aeiou]$/, '');
    // sh, ch and j carry the y themselves (ショ sho, not shyo); a vowel glide replaces the vowel.
    out += base + (glide.startsWith('y') && /(sh|ch|j)$/.test(base) ? glide.slice(1) : glide);
    i++;
  }
  return out;
}

/**
 * Any script to ASCII letters: Hangul and CJK syllable by syllable ("김정은" -> "gim jeong eun"),
 * Cyrillic, Greek, Arabic, ... by any-ascii's tables; Latin accents dropped (ŏ -> o).
 */
export function toAscii(name: string): string {
  let text = name;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point here.
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  // Khmer writes the vowel a consonant carries nowhere: read by syllable, not letter by letter.
  text = text.replace(KHMER, khmerToLatin);
  if (cyrillicKorean(text)) {
    text = KONTSEVICH.reduce((t, [from, to]) => t.replace(from, to), text);
  }
  // Family name, then the given name's syllables hyphenated, as Korean names are romanized
  // ("Kim Jong-un"): the hyphens keep the syllable breaks the script made plain.
  const spaced = text.replace(SYLLABIC, (syllabic) => {
    const run = hepburn(syllabic);
    const hangul = /[\uac00-\ud7af]/.test(run);
    const [family = '', ...given] = anyAscii(run)
      .split(/(?=[A-Z])/)
      .map((s) => (hangul ? revisedRomanization(s) : s));
    const romanized = ` ${family} ${given.join('-').toLowerCase()} `;
    // Kana spell long vowels out (サトウ Satou, ユウキ Yuuki); Hepburn as passports write it does not.
    return /[\u3040-\u30ff]/.test(syllabic)
      ? romanized.replace(/(o)u|(u)u|(o)o/gi, '$1$2$3')
      : romanized;
  });
  return anyAscii(spaced.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
}

/** Lowercase ASCII letters, digits and single spaces: any script transliterated, punctuation dropped. */
export function foldText(text: string): string {
  return toAscii(text)
    .replace(APOSTROPHES, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words of a folded text (hyphens and commas split words: "In-chol" -> in, chol). */
export function words(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}

/** Jaro-Winkler similarity in [0, 1]; 1 means equal. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aHit = new Uint8Array(a.length);
  const bHit = new Uint8Array(b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(b.length - 1, i + range);
    for (let j = lo; j <= hi; j++) {
      if (bHit[j] || a[i] !== b[j]) continue;
      aHit[i] = 1;
      bHit[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  const jaro =
    (matches / a.length +
      matches / b.length +
      (matches - transpositions(a, b, aHit, bHit)) / matches) /
    3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

function transpositions(a: string, b: string, aHit: Uint8Array, bHit: Uint8Array): number {
  let k = 0;
  let half = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aHit[i]) continue;
    while (!bHit[k]) k++;
    if (a[i] !== b[k]) half++;
    k++;
  }
  return half / 2;
}

/** A function of a word, each result kept once computed (bounded: the cache is emptied when full). */
export function cachedFold(
  fold: (word: string) => string,
  limit = 100_000,
): (word: string) => string {
  const folds = new Map<string, string>();
  return (word) => {
    let out = folds.get(word);
    if (out === undefined) {
      out = fold(word);
      if (folds.size >= limit) folds.clear();
      folds.set(word, out);
    }
    return out;
  };
}
