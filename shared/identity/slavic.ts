import { editDistance } from './fuzzy.ts';
import { cachedFold } from './text.ts';
import { foreignForm, givenNameForm } from './tokens.ts';

/**
 * Russian, Ukrainian and Belarusian names as German, Polish, French and Hungarian write them next to the
 * English transliteration: Wolodymyr Selenskyj, Włodzimierz Zełenski, Vladimir Poutine,
 * Chruschtschow for Khrushchev, Gorbatschow and Gorbaczow for Gorbachev. Each language spells
 * the same sounds with its own letters (German sch, tsch, w, j and s for з; Polish sz, cz, rz,
 * c; French ch, tch, ou, j); read the way its letters suggest, two spellings of one name come
 * out alike.
 */

type Reading = readonly [RegExp, string][];

// Sounds written with several letters, each to one capital: C (ч), S (ш), Q (щ), Z (ж),
// H (х), T (ц).
const ENGLISH: Reading = [
  [/shch/g, 'Q'],
  [/ch/g, 'C'],
  [/sh/g, 'S'],
  [/zh/g, 'Z'],
  [/kh/g, 'H'],
  [/ts/g, 'T'],
];
const GERMAN: Reading = [
  [/schtsch/g, 'Q'],
  [/tsch/g, 'C'],
  [/sch/g, 'S'],
  [/ch/g, 'H'],
  [/t?z/g, 'T'],
  // German writes з as s before a vowel (Selenskyj), and й as j.
  [/^s(?=[aeiou])/, 'z'],
  [/j/g, 'y'],
  [/w/g, 'v'],
];
const GERMAN_ZH: Reading = [[/(?<!t)sch(?!tsch)/g, 'Z'], ...GERMAN];
const POLISH: Reading = [
  [/szcz/g, 'Q'],
  [/cz/g, 'C'],
  [/sz/g, 'S'],
  [/rz/g, 'Z'],
  [/ch/g, 'H'],
  [/c/g, 'T'],
  [/j/g, 'y'],
  [/w/g, 'v'],
];
const FRENCH: Reading = [
  [/chtch/g, 'Q'],
  [/tch/g, 'C'],
  [/ch/g, 'S'],
  [/kh/g, 'H'],
  [/ts/g, 'T'],
  [/ou/g, 'u'],
  // gu before e or i is a hard g (Evgueni for Yevgeny).
  [/gu(?=[ei])/g, 'g'],
  [/j/g, 'Z'],
  // A final e keeps a final n sounded (Poutine): it is no letter of the name.
  [/(?<=[a-zA-Z]{3}n)e$/, ''],
];

/**
 * Hungarian: cs ч, zs ж, s ш, sz с, and gy, ty, ny for the soft д, т, н before i (Vlagyimir
 * Putyin, Hruscsov).
 */
const HUNGARIAN: Reading = [
  [/cs/g, 'C'],
  [/zs/g, 'Z'],
  [/s(?!z)/g, 'S'],
  [/sz/g, 's'],
  [/gy/g, 'd'],
  [/ty/g, 't'],
  [/ny/g, 'n'],
  [/j/g, 'y'],
];

/**
 * Swedish, Norwegian and Danish: sj ш, tj ч, zj ж, ch х, j й and the glide of е, ю, я
 * (Sjapetko for Shapetko, Andrejevitj for Andreyevich, Kenjuch for Keniukh).
 */
const SWEDISH: Reading = [
  [/sjtj/g, 'Q'],
  [/tj/g, 'C'],
  [/sj/g, 'S'],
  [/zj/g, 'Z'],
  [/ch/g, 'H'],
  [/ts/g, 'T'],
  [/j/g, 'y'],
];

/** Letters only each language writes this way: without one, a word has no such reading. */
const MARKS: readonly [RegExp, Reading][] = [
  [/sch|tz|w|j/, GERMAN],
  [/cz|sz|rz|w|j/, POLISH],
  [/ou|tch|j|ine$|gu[ei]/, FRENCH],
  [/gy|ty[aeiou]|cs|zs/, HUNGARIAN],
  [/sj|tj|zj/, SWEDISH],
];

/**
 * Vowels as transliterations trade them: ё after ж ч ш щ is o in German and Polish, e in
 * English (Gorbatschow, Gorbachev); ё and е after a vowel or at the start are yo, io, ye, je
 * or e; the endings -iy, -ii, -yy, -y are one.
 */
function fold(reading: string): string {
  return reading
    .replace(/([CSQZ])o/g, '$1e')
    .replace(/[iy][oe]/g, 'e')
    .replace(/(iy|ii|yy|y)$/, 'i')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

const cache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 100_000;

/** The word read as English, and as German, Polish or French where it has their letters. */
function readings(word: string): readonly string[] {
  let out = cache.get(word);
  if (out === undefined) {
    const read = (r: Reading) => fold(r.reduce((w, [from, to]) => w.replace(from, to), word));
    const marked = MARKS.filter(([m]) => m.test(word)).map(([, r]) => read(r));
    // German writes ж as sch too (Prigoschin, Schirinowski): read it both ways.
    if (/sch/.test(word)) marked.push(read(GERMAN_ZH));
    out = [...new Set([read(ENGLISH), ...marked])];
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, out);
  }
  return out;
}

/** Shortest word read this way: shorter ones meet too many other names (Jing, Ying). */
const MIN_WORD = 5;

/**
 * Belarusian names as Belarus's romanization writes them from the Belarusian form, against the
 * Russian form's English transliteration: дз dz for д (Dzmitry), ць ts for ть (Tsikhanouski,
 * Valiantsin; before the soft sign of -tska, Shapetska for Shapetko), ў u or w for в (Ravkou, Tsikhanouski, Zimowski), г h for g (Siarhei), я ia where Russian has е
 * (Sviatlana, Aliaksandr), and akanye's a for an unstressed o (Lukashenka, Latushka for -ko,
 * Pratasevich). A word with one of these letters, or an -ka against an -ko, is one name with
 * the other when both read alike with these folded and every o as a.
 */
const BELARUSIAN_MARK = /dz|ts(?=i)|[aeo][uw](?=[^aeiouy]|$)|(?<=[^aeiou])i[aeou]|(?<![kszct])h/;

/**
 * Swedish sj, tj, zj as English sh, ch, zh, so a Belarusian form in Swedish letters meets the
 * Russian one in English letters (Sjapetska, Shapetko).
 */
function swedishConsonants(word: string): string {
  if (!/[stz]j/.test(word)) return word;
  return word.replace(/([stz])j/g, (_, c: string) => (c === 't' ? 'ch' : `${c}h`));
}

/** A word with Belarusian letters and akanye folded (see BELARUSIAN_MARK). */
function belarusianFold(word: string): string {
  return (
    swedishConsonants(word)
      .replace(/dz(?!h)/g, 'd')
      .replace(/ts(?=i|k)/g, 't')
      .replace(/(?<=[aeo])[uw](?=[^aeiouy]|$)/g, 'v')
      .replace(/(?<![kszct])h/g, 'g')
      // The glide English writes before an е after a vowel, Belarusian's romanization not (Karaeu,
      // Караеў, for Karayev).
      .replace(/(?<=[aeiou])y(?=e)/g, '')
      .replace(/y/g, 'i')
      .replace(/(?<=[^aeiou])i(?=[ae])|(?<=[^aeiou])ie/g, 'e')
      .replace(/o/g, 'a')
      .replace(/(iy|ii|yi)$/, 'i')
      .replace(/(.)\1+/g, '$1')
  );
}

const belarusianKey = cachedFold(belarusianFold);

/**
 * The vowels Belarusian spells otherwise than Russian, on top of `belarusianFold`: яканне, the
 * е or ё of Russian written я (ia, ya) before the stress and at a word's start (Piatrou for
 * Petrov, Karpiankou for Karpenkov, Viachaslau for Vyacheslav, Yauhen for Yevgeny), and the
 * hardened ш ж ч ц р, after which Belarusian writes а for an unstressed е (Shautsou for
 * Shevtsov, Charnou for Chernov, Charheika for Chergeiko) and no soft glide (Tkachou, Tkachyov),
 * and the в put before у after a vowel (Navumau for Naumov).
 * ць is ts before any soft vowel (Tsertsel for Tertel, Vetsianevich for Vetenevich) and before
 * the soft sign, which English drops (Shapetska, Шапецька, for Shapetko, Шапетько). A word's
 * last vowel keeps its i and its o (Eugenia, Eugenio; Nuriev with its ие stays apart from
 * Nurov), but for -ka against -ko.
 */
function belarusianVowelFold(word: string, softTs = true): string {
  return (
    swedishConsonants(word)
      .replace(/dz(?!h)/g, 'd')
      .replace(softTs ? /ts(?=[iey]|k)/g : /ts(?=[iy]|k)/g, 't')
      // The в Belarusian puts before у after a vowel (Navumau for Naumov).
      .replace(/(?<=[aeo])vu/g, 'u')
      .replace(/(?<=[aeo])[uw](?=[^aeiouy]|$)/g, 'v')
      .replace(/(?<![kszct])h/g, 'g')
      .replace(/(?<=[aeiou])y(?=e)/g, '')
      .replace(/y/g, 'i')
      .replace(/(?<=sh|zh|ch)i(?=[aeo])/g, '')
      .replace(/(?:^|(?<=[^aeiou]))i[aeo](?!$)/g, 'E')
      .replace(/(?<=sh|zh|ch|ts|r)e/g, 'a')
      .replace(/o(?!$)|(?<=k)o$/g, 'a')
      .replace(/E/g, 'e')
      .replace(/(iy|ii|yi)$/, 'i')
      .replace(/(.)\1+/g, '$1')
  );
}

/**
 * Letters only a Belarusian spelling has, for the vowel fold above, which reads e, ia and a
 * alike and so needs more than an h or an ia: дз, ць before a soft vowel, ў after a vowel.
 */
const BELARUSIAN_STRONG_MARK = /dz|ts(?=[iey])|[aeo][uw](?=[^aeiouy]|$)/;

const belarusianVowelKey = cachedFold((word) => belarusianVowelFold(word));

/**
 * The vowel fold with ц hard before e, as Belarusian writes it (ца for the це of Russian:
 * Zaitsau, Зайцаў, for Zaytsev, Зайцев), where the fold above reads the ць of Tsertsel.
 */
const belarusianHardTsKey = cachedFold((word) =>
  /tse/.test(word) ? belarusianVowelFold(word, false) : belarusianVowelKey(word),
);

/** An -ka against an -ko: the Belarusian ending of a Russian or Ukrainian -ko (Lukashenka). */
function kaKo(a: string, b: string): boolean {
  return (a.endsWith('ka') && b.endsWith('ko')) || (a.endsWith('ko') && b.endsWith('ka'));
}

/** True when two words are one name in its Belarusian and Russian spellings (Lukashenka, Lukashenko). */
export function sameBelarusianName(a: string, b: string): boolean {
  if (a.length < MIN_WORD || b.length < MIN_WORD || a === b) return false;
  // Cheap first: most pairs of words read apart.
  if (belarusianKey(a) === belarusianKey(b))
    return BELARUSIAN_MARK.test(a) || BELARUSIAN_MARK.test(b) || kaKo(a, b);
  if (belarusianVowelKey(a) !== belarusianVowelKey(b)) {
    const tse = a.includes('tse') || b.includes('tse');
    if (!tse || belarusianHardTsKey(a) !== belarusianHardTsKey(b)) return false;
  }
  return BELARUSIAN_STRONG_MARK.test(a) || BELARUSIAN_STRONG_MARK.test(b) || kaKo(a, b);
}

/** Shortest words a Belarusian spelling with a typo on top is read in (see `belarusianTypo`). */
const MIN_TYPO_WORD = 8;

/**
 * True when two long words, one with a strong Belarusian mark, are one edit apart once the
 * Belarusian letters and vowels are folded, starting and ending alike: a Belarusian spelling of a name
 * with a letter more or less (Paulichenka, Паўлічэнка, against Pavliuchenko, Павлюченко), as
 * lists give a person's name in both languages and in spellings a letter apart.
 */
export function belarusianTypo(a: string, b: string): boolean {
  if (a.length < MIN_TYPO_WORD || b.length < MIN_TYPO_WORD || a[0] !== b[0]) return false;
  if (!BELARUSIAN_STRONG_MARK.test(a) && !BELARUSIAN_STRONG_MARK.test(b)) return false;
  const [ka, kb] = [belarusianVowelKey(a), belarusianVowelKey(b)];
  // The ending kept: one changed is another name or sex (Pavlichenka, Pavlichenkov).
  return ka.slice(-2) === kb.slice(-2) && editDistance(ka, kb, 1) === 1;
}

/** Index keys of a word's readings: two spellings of one name share one. */
export function slavicKeys(word: string): string[] {
  if (word.length < MIN_WORD) return [];
  const keys = [...readings(word).map((r) => `sl:${r}`), `by:${belarusianKey(word)}`];
  // One prefix for both folds: a word whose two folds are one posts it once.
  const vowels = belarusianVowelKey(word);
  if (vowels !== belarusianKey(word)) keys.push(`by:${vowels}`);
  const hard = belarusianHardTsKey(word);
  if (hard !== vowels && hard !== belarusianKey(word)) keys.push(`by:${hard}`);
  return keys;
}

/** True when two words are one Slavic name as two languages write it (Selenskyj, Zelenskyy). */
export function sameSlavicName(a: string, b: string): boolean {
  if (a.length < MIN_WORD || b.length < MIN_WORD) return false;
  const ra = readings(a);
  const rb = readings(b);
  if (ra.length === 1 && rb.length === 1) return ra[0] === rb[0];
  return ra.some((r) => rb.includes(r));
}

/** The German and Polish readings of a word that has their letters. */
function easternReadings(word: string): readonly string[] {
  let out = eastern.get(word);
  if (out === undefined) {
    const found: string[] = [];
    for (const [mark, reading] of MARKS.slice(0, 2)) {
      if (mark.test(word)) found.push(fold(reading.reduce((w, [f, r]) => w.replace(f, r), word)));
    }
    out = found;
    if (eastern.size >= CACHE_LIMIT) eastern.clear();
    eastern.set(word, out);
  }
  return out;
}

const eastern = new Map<string, readonly string[]>();

/**
 * True when the German or Polish reading of one word is one letter from the English reading
 * of the other, both of five letters or more and starting alike: a typo in a name spelled the
 * German way (Serej for Sergej, Sergey), its last two letters kept.
 */
export function slavicTypo(a: string, b: string): boolean {
  if (a.length < MIN_WORD || b.length < MIN_WORD || a[0] !== b[0]) return false;
  // The ending kept: a changed one is the other sex's form (Smirnow, Smirnova).
  const near = (x: string, y: string) => {
    const english = readings(y)[0]!;
    return easternReadings(x).some(
      (r) =>
        r.length >= MIN_WORD &&
        r.slice(-2) === english.slice(-2) &&
        editDistance(r, english, 1) === 1,
    );
  };
  return near(a, b) || near(b, a);
}

/** A word's j read as y and as i (German and Polish й), for a typo on top of it to find its candidates. */
export function jReadings(word: string): string[] {
  if (word.length < MIN_WORD || !word.includes('j')) return [];
  return [word.replace(/j/g, 'y'), word.replace(/j/g, 'i')];
}

/**
 * A Russian, Ukrainian or Belarusian patronymic: the father's name and the ending for a son or
 * a daughter (Belarusian -avich, -auna, -euna: Ryhoravich, Ryhorauna, Mikalaeuna).
 */
const PATRONYMIC =
  /^(.{3,}?)(ovich|evich|ovych|evych|avich|avych|ovna|evna|ivna|owna|ewna|auna|euna|ich|ichna)$/;

/** A son's patronymic as Swedish writes its ending (Andrejevitj), in English letters (-ich). */
const swedishEnding = (word: string) => (word.endsWith('itj') ? `${word.slice(0, -2)}ch` : word);

/**
 * True when two patronymics are formed on two spellings of one given name, for the same sex:
 * Volodymyrovych and Vladimirovich (Volodymyr is Vladimir in Ukrainian), Serhiyovych and
 * Sergeyevich. A son's and a daughter's (Vladimirovich, Vladimirovna) stay apart.
 */
export function samePatronymic(a: string, b: string): boolean {
  const pa = PATRONYMIC.exec(swedishEnding(a));
  const pb = pa && PATRONYMIC.exec(swedishEnding(b));
  if (!pa || !pb || pa[2]!.endsWith('na') !== pb[2]!.endsWith('na')) return false;
  // One father's name with the same ending: the same patronymic when one is written -itj.
  if (pa[1] === pb[1]) return pa[0] === pb[0] && a !== b;
  // The father's name as the patronymic spells it (Grigoriy-evich, Grigor-evich, Hryhory-avich,
  // Ryhor-avich): its final i or y read either way, in the table's and the foreign forms, or
  // alike with Belarusian letters folded.
  const a1 = pa[1]!.replace(/(iy|ii|yi|y|i)$/, '');
  const b1 = pb[1]!.replace(/(iy|ii|yi|y|i)$/, '');
  if (belarusianKey(a1) === belarusianKey(b1)) return true;
  const forms = (stem: string, full: string) =>
    [full, stem, `${stem}iy`, `${stem}y`, `${stem}i`].flatMap((f) => [
      givenNameForm(f),
      foreignForm(f),
    ]);
  const fa = new Set(forms(a1, pa[1]!));
  return forms(b1, pb[1]!).some((f) => fa.has(f));
}
