/**
 * Arabic, Persian, Urdu and Hebrew script write consonants and long vowels only: "محمد" is
 * m-h-m-d whether the Latin list spells it Muhammad, Mohamed or Mohd. A name in one of these
 * scripts and a Latin spelling are compared by their consonants, which both keep.
 */
import { consonantsOf, LETTER_BREAK } from './consonants.ts';
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
  // A ya before a final alif is the consonant y (ضیا Zia, زكريا Zakariya, ثريا Thurayya), not
  // a final long i: transliteration drops the alif, so it is kept as the Latin a it reads.
  // Each letter of the script is one consonant: a letter transliterated h or j (ه ح ج) after
  // another is kept apart from it by a mark consonantsOf drops, so س ه is s-h, not the sh of
  // ش (سهراب Sohrab), and س پ ه is s-p-h, not s-ph (سپهری Sepehri).
  const text = name
    .replace(/\u0629/g, '')
    .replace(/([\u064a\u06cc])\u0627(?=\s|$)/g, '$1a')
    .replace(/(?<=[\u0621-\u064a\u0671-\u06d3])(?=[\u0647\u062d\u062c])/g, LETTER_BREAK);
  const folded = foldText(toAscii(text));
  const script = isAbjad(name);
  if (folded === '') return [];
  const ws = folded.split(' ');
  return (script ? ws : ws.map(unassimilated)).map((w) => consonantsOf(w, script));
}

/** The article alone (ud, ad, ur, as, ...) or after Abd (Abdur, Abdus, Abdun). */
const ARTICLE_ENDING = /^(abd)?[aeiu][tdrzsn]$/;

/** Letters the article assimilates to in Latin spellings (the sun letters, as one letter each). */
const SUN = /^(t|d|r|z|s|n)/;

/**
 * A Latin word ending in an article assimilated to the next word's first letter, written with
 * that letter as the script writes its l (Abdur Rehman, Nasir ud Din, Saif ad-Din: عبد الرحمن
 * is bd-lrhmn): its last letter read as l.
 */
function unassimilated(word: string, i: number, ws: readonly string[]): string {
  const next = ws[i + 1];
  if (next === undefined || word.length < 2) return word;
  const sun = SUN.exec(next)?.[1];
  if (sun === undefined || !word.endsWith(sun) || !ARTICLE_ENDING.test(word)) return word;
  return `${word.slice(0, -1)}l`;
}

/** A word's consonants without the article glued to it (lht -> ht), when it may have one. */
const unarticled = (k: string) => (k.startsWith('l') && k.length >= 3 ? k.slice(1) : k);

/**
 * Each word's consonants, two letters at least, and for a word of the script also without the
 * article glued to it (الحوثي -> lht -> ht): two spellings of one name share some of these.
 */
export function consonantWordSet(name: string): ReadonlySet<string> {
  const abjad = isAbjad(name);
  const out = new Set<string>();
  const ks = consonantWords(name);
  ks.forEach((k, i) => {
    if (k.length >= 2) out.add(k);
    if (abjad) out.add(unarticled(k));
    // A compound written apart on one side and as one word on the other (هدايت الله,
    // Hidayatullah; جلال الدين, Jalaluddin).
    const next = ks[i + 1];
    if (next !== undefined) {
      out.add(k + next);
      if (abjad) out.add(k + unarticled(next));
    }
  });
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
  const out = new Set(baseKeys(all));
  // A name in the script by each of its readings (see nameConsonants).
  for (const k of otherReadings(name, all)) for (const key of baseKeys(k)) out.add(key);
  return [...out];
}

/** The pieces of one consonant string. */
function baseKeys(all: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + GRAM <= all.length; i++) out.push(`g:${all.slice(i, i + GRAM)}`);
  if (out.length === 0 && all.length >= 2) out.push(`g:${all}`);
  return out;
}

/** How many pieces a candidate must share with a name: counted on its first reading only. */
export function consonantKeysNeededFor(name: string): number {
  return consonantKeysNeeded(new Set(baseKeys(consonantWords(name).join(''))).size);
}

/**
 * How many of a name's pieces a candidate must share: a third of them, two at least, one for a
 * name of five consonants or fewer (الطيب نايل has two pieces, TAYEB NAIL one).
 */
export function consonantKeysNeeded(keys: number): number {
  if (keys <= 2) return 1;
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
  /** Other readings of `all` of a name in the script: see nameConsonants. */
  readonly readings?: readonly string[];
}

/** A word ending in alif maqsura. */
const MAQSURA_END = /\u0649(?=\s|$)/;
const MAQSURA_ENDS = /\u0649(?=\s|$)/g;

/**
 * Persian, Pashto and Urdu read ث as s and ذ ض ظ as z (ثاقب Saqib, فضل Fazal); Latin
 * spellings of Persian names often write ژ (zh) as j (نژاد Nejad).
 */
const PERSIAN_VALUES: readonly [RegExp, string][] = [
  [/\u062b/g, '\u0633'],
  [/[\u0630\u0636\u0638]/g, '\u0632'],
  [/\u0698/g, '\u062c'],
];
const PERSIAN_LETTERS = /[\u062b\u0630\u0636\u0638\u0698]/;
/** A ز after a long vowel (ي, و, ا) and before a vowel or the end of a word. */
const EUROPEAN_Z =
  /(?<=[\u064a\u06cc\u0648\u0627])\u0632(?=[\u064a\u06cc\u0648\u0627\u0647\u0629]|\s|$)/;
const EUROPEAN_ZS = new RegExp(EUROPEAN_Z.source, 'g');

/**
 * A name's consonants and vowels for comparing across scripts. A name in the script is also
 * read the other ways its letters allow, and the closest reading counts: a final ى as the
 * final i of many Persian, Pashto and Urdu names (حكيمى Hakimi) rather than the a of Arabic
 * (مصطفى Mustafa); ث ذ ض ظ as Persian reads them; the article's l left out, as Latin spellings
 * that assimilate or drop it do (الطيب Tayeb, جلال الدين Jalaluddin).
 */
export function nameConsonants(name: string): Consonants {
  const all = consonantWords(name).join('');
  const words = isAbjad(name) ? consonantWordSet(name) : latinWordSet(name);
  const base = { all, words, vowels: writtenVowels(name) };
  const readings = otherReadings(name, all);
  return readings.length > 0 ? { ...base, readings } : base;
}

/**
 * Persian letters a Latin spelling writes as it hears them, against the consonants the script
 * writes: و is v (Javad, Parviz, Rezvani: the script's و reads as a glide, w, otherwise); ق is
 * gh or q (Ghasem, Sadeghi, Dehghan: gh otherwise reads as غ).
 */
const LATIN_PERSIAN: readonly [RegExp, RegExp, string][] = [
  [/v/, /v/g, 'w'],
  [/gh/, /gh/g, 'q'],
];

/**
 * A Persian family name written as one Latin word whose first part ends in a long i (Gholizadeh,
 * Abedinejad, Soltanizadeh; the script writes قلی زاده, عابدی نژاد): read split there too, so
 * the long i is final as the script writes it.
 */
const PERSIAN_COMPOUND =
  /\b([a-z]{2,}i)(zadeh|zade|zada|nejad|nezhad|nejhad|nia|far|pour|poor|pur|rad|vand)\b/g;

/**
 * Persian writes the final a of some names with ی (مصطفی Mostafa, مرتضی Morteza, موسی Musa,
 * یحیی Yahya), the letter that ends احمدی Ahmadi as a long i. Such a ی is also read as this
 * mark, and a Latin word ending in a after a consonant too: the two meet, while Ahmadi stays
 * apart from Ahmad, and an Arabic ي (علي Ali) from Hala.
 */
const FINAL_A_MARK = '9';
const FINAL_A = /(?<=[b-df-hj-np-tv-z])a\b/g;
const PERSIAN_FINAL_YE = /(?<=[\u0621-\u064a\u067e-\u06cb])\u06cc(?=\s|,|$)/g;

const latinCache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 50_000;

/** Readings of a Latin name by the Persian spellings above (kept once made, bounded). */
function latinReadings(name: string): readonly string[] {
  let out = latinCache.get(name);
  if (out === undefined) {
    out = readLatin(name);
    if (latinCache.size >= CACHE_LIMIT) latinCache.clear();
    latinCache.set(name, out);
  }
  return out;
}

/** Readings of a Latin name by the Persian spellings above, applied one after another. */
function readLatin(name: string): string[] {
  const texts = new Set([foldText(toAscii(name))]);
  for (const [has, all, to] of LATIN_PERSIAN) {
    for (const t of [...texts]) if (has.test(t)) texts.add(t.replace(all, to));
  }
  for (const t of [...texts]) texts.add(t.replace(PERSIAN_COMPOUND, '$1 $2'));
  // Each final a read either way, word by word (Fada, Mojtaba: فدا, مجتبی).
  for (const t of [...texts]) {
    const finals = [...t.matchAll(FINAL_A)].map((m) => m.index);
    let variants = [t];
    for (const at of finals) {
      variants = variants.flatMap((v) => [v, `${v.slice(0, at)}${FINAL_A_MARK}${v.slice(at + 1)}`]);
    }
    for (const v of variants) texts.add(v);
  }
  return [...texts];
}

/** The consonant words of a Latin name in each of its readings (see latinReadings). */
function latinWordSet(name: string): ReadonlySet<string> {
  const out = new Set<string>();
  for (const t of latinReadings(name)) for (const w of consonantWordSet(t)) out.add(w);
  return out;
}

/** The readings of a name in the script other than `all` (see nameConsonants). */
function otherReadings(name: string, all: string): string[] {
  if (!isAbjad(name)) {
    const readings = new Set(latinReadings(name).map((t) => consonantWords(t).join('')));
    readings.delete(all);
    return [...readings];
  }
  const texts = new Set([name]);
  if (MAQSURA_END.test(name))
    for (const t of [...texts]) texts.add(t.replace(MAQSURA_ENDS, '\u064a'));
  // Each final ی read either way, word by word (پیری مرتضی, Piri Morteza).
  const finals = [...name.matchAll(PERSIAN_FINAL_YE)].map((m) => m.index);
  for (const at of finals) {
    for (const t of [...texts]) texts.add(`${t.slice(0, at)}${FINAL_A_MARK}${t.slice(at + 1)}`);
  }
  if (PERSIAN_LETTERS.test(name)) {
    for (const t of [...texts]) texts.add(PERSIAN_VALUES.reduce((x, [f, r]) => x.replace(f, r), t));
  }
  // A European name writes its s between vowels as ز, the way it sounds (تيريز Therese,
  // لويز Louise): the closer reading counts.
  if (EUROPEAN_Z.test(name))
    for (const t of [...texts]) texts.add(t.replace(EUROPEAN_ZS, '\u0633'));
  const readings = new Set<string>();
  for (const t of texts) {
    const ks = consonantWords(t);
    readings.add(ks.join(''));
    readings.add(ks.map(unarticled).join(''));
  }
  readings.delete(all);
  return [...readings];
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
  let d = longest;
  // Each reading of one against each of the other; only a closer pair can lower d.
  for (const x of [a.all, ...(a.readings ?? [])]) {
    for (const y of [b.all, ...(b.readings ?? [])]) {
      if (d > 0) d = Math.min(d, editDistance(x, y, d - 1));
    }
  }
  const few = longest < MIN_KEY && !vowelsAgree(a, b);
  const s = few ? (1 - d / longest) * 0.85 : 1 - d / longest;
  const shared = [...a.words].some((w) => b.words.has(w));
  return shared ? s : Math.min(s, NO_SHARED_WORD);
}
