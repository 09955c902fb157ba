import { type Consonants, consonantSimilarity, isAbjad, nameConsonants } from './abjad.ts';
import { type ChineseWord, chineseName, chineseSimilarity } from './chinese.ts';
import { cyrillicSimilarity, cyrillicWords } from './cyrillic.ts';
import { align, oneKoreanTypo, rejoin, tokenSimilarity } from './fuzzy.ts';
import { surnameCredit } from './korean-surnames.ts';
import { COMMON_WORD, ONE_EDIT, oneEditApart } from './one-edit.ts';
import { foreignReading, soundSimilarity } from './phonetic.ts';
import { isKoreanSyllable, surnameVariant, syllableKey, syllables } from './romanize.ts';
import { cyrillicKorean, foldText, SYLLABIC, toAscii } from './text.ts';
import { koreanTypos, nameTokens, PARTICLES, titled } from './tokens.ts';

/** One romanized syllable: its spelling-independent key and the letters it was written with. */
interface Syllable {
  readonly key: string;
  readonly text: string;
  readonly valid: boolean;
  /** The word as written when it is this one syllable where a surname stands (Cho, Chu). */
  readonly word?: string;
}

/** A person's name prepared once for every comparison. */
export interface PreparedName {
  readonly tokens: readonly string[];
  /** Syllables that are no Korean ones when the name otherwise reads as Korean; else undefined. */
  readonly koreanTypos: number | undefined;
  /** The same, the surname not required: a typo in the surname ("Ikm Chol Sam") leaves none. */
  readonly koreanShapeTypos: number | undefined;
  /** Syllables of the name with hyphens as breaks, and (when it has any) with hyphens joined. */
  readonly syllableViews: readonly (readonly Syllable[])[];
  /** Written in Cyrillic the Russian way (Kontsevich), where a final ㅇ is "н" like a final ㄴ. */
  readonly kontsevich: boolean;
  /** Hangul, kana or CJK characters of the name as written: romanization merges some (정/종). */
  readonly characters: readonly string[];
  /** Written in Arabic, Persian, Urdu or Hebrew script (consonants only). */
  readonly abjad: boolean;
  /** The consonants of the whole name in order and word by word, for comparing across those scripts. */
  readonly consonants: Consonants;
  /** Every word read as Chinese syllables (Pinyin or Wade-Giles); else undefined. */
  readonly chinese: ChineseWord | undefined;
  /** Preceded by a title (Mr., President): a single word after it is a family name. */
  readonly titled: boolean;
  /** Written "FAMILY NAME, Given Names", the way sanctions lists often do. */
  readonly surnameFirst: boolean;
  /** Written that way: how many of its words come before the comma (the family name); else 0. */
  readonly familyWords: number;
  /** The words of a name written in Cyrillic, as written. */
  readonly cyrillic: readonly string[] | undefined;
  /** A foreign name written by sound in katakana or Chinese characters: its words' sound keys. */
  readonly foreign: readonly string[] | undefined;
}

function syllablesOf(folded: string): Syllable[] {
  return folded
    .split(' ')
    .filter((w) => w !== '')
    .flatMap((w, at, ws): Syllable[] => {
      const word = surnameVariant(w);
      if (/[0-9]/.test(word)) return [{ key: word.toUpperCase(), text: word, valid: false }];
      const parts = syllables(word);
      return parts.map((s) => ({
        key: syllableKey(s),
        text: s,
        valid: isKoreanSyllable(s),
        // Where a surname stands, first or last; elsewhere a given-name syllable (Yun for 연).
        word: parts.length === 1 && (at === 0 || at === ws.length - 1) ? w : undefined,
      }));
    });
}

/** Prepares a person's name: words, whether it reads as Korean, its syllables. */
export function prepareName(name: string): PreparedName {
  const tokens = nameTokens(name);
  const views = [syllablesOf(tokens.join(' '))];
  // "Myongc-hin": a hyphen put in the wrong place; joined, the syllables come out right.
  const ascii = toAscii(name);
  if (ascii.includes('-')) views.push(syllablesOf(foldText(ascii.replace(/-/g, ''))));
  const characters = [...(name.match(SYLLABIC) ?? []).join('')];
  return {
    tokens,
    koreanTypos: koreanTypos(tokens),
    koreanShapeTypos: koreanTypos(tokens, false),
    kontsevich: cyrillicKorean(name),
    syllableViews: views,
    characters,
    abjad: isAbjad(name),
    consonants: nameConsonants(name),
    titled: titled(name),
    surnameFirst: name.includes(','),
    familyWords: name.includes(',') ? nameTokens(name.slice(0, name.indexOf(','))).length : 0,
    chinese: chineseName(tokens, /[a-z](-|['’‘ʻ][a-z])/i.test(ascii)),
    foreign: foreignReading(name),
    cyrillic: cyrillicWords(name),
  };
}

/**
 * True when a name reads as Korean but for one syllable that is no Korean one: with a known
 * surname, or without one (the typo may be in the surname: "Ikm Chol Sam", "Cjhoe Hwi"). A
 * name that reads as Chinese syllables is a Chinese name, not a Korean one mistyped (Lei Li).
 */
export function koreanTypo(p: PreparedName): boolean {
  return (p.koreanTypos ?? p.koreanShapeTypos) === 1 && p.chinese === undefined;
}

/**
 * A syllable key as a Russian spelling of a Korean name can write it: a final ㅇ as н (Чон for
 * 정, like a final ㄴ) and ㅓ as е (Ким Чен Ын for Kim Jong Un), so N and NG, E and O meet.
 */
function russianReading(key: string): string {
  return key.replace(/NG$/, 'N').replace(/E/g, 'O');
}

/** Two syllables: equal keys count; a typo that leaves no Korean syllable counts at a discount. */
function syllableCredit(a: Syllable, b: Syllable, typos: boolean, nasal: boolean): number {
  // Two surnames the tables keep apart whatever their keys (Cho and Chu, O and U), or one (Joe, Cho).
  const surnames = a.word !== undefined && b.word !== undefined && surnameCredit(a.word, b.word);
  if (surnames === 1 || (surnames !== 0 && a.key === b.key)) return 1;
  // Russian writes 정 Чон, as it writes 전: the Kontsevich reading comes before the table.
  if (nasal && russianReading(a.key) === russianReading(b.key)) return 1;
  if (surnames === 0) return 0;
  if (!typos || (a.valid && b.valid)) return 0;
  return oneKoreanTypo(a.text, b.text) ? 0.85 : 0;
}

/** Order-free Dice similarity of two syllable multisets (greedy best match per syllable). */
function syllableSimilarity(
  a: readonly Syllable[],
  b: readonly Syllable[],
  typos: boolean,
  nasal: boolean,
): number {
  if (a.length === 0 || b.length === 0) return 0;
  const used = new Uint8Array(b.length);
  let total = 0;
  for (const s of a) {
    let best = 0;
    let at = -1;
    for (let j = 0; j < b.length && best < 1; j++) {
      if (used[j]) continue;
      const c = syllableCredit(s, b[j]!, typos, nasal);
      if (c > best) [best, at] = [c, j];
    }
    if (at >= 0) used[at] = 1;
    total += best;
  }
  return (2 * total) / (a.length + b.length);
}

/** The most a two-word name found inside a longer one scores (under the alert line). */
const TWO_WORDS_CONTAINED = 0.85;

/** Middle names, patronymics or a father's name the longer spelling may add. */
const MAX_EXTRA_WORDS = 2;
/** What each of them costs a name found inside a longer one (two at most are counted: a long chain of forebears says no more about the person than two). */
const EXTRA_WORD_COST = 0.02;
/** A Russian, Ukrainian or Belarusian patronymic (Vladimirovich, Viktorovna, Ilyich). */
const PATRONYMIC = /(ovich|evich|ovych|evych|ovna|evna|ivna|ich|ichna)$/;
/** The most a name found inside a longer one scores, however well its words match. */
const CONTAINED_AT_MOST = 0.98;

/** How many listed spellings hold a word: many (Mohammad, Kim) and it cannot carry a match. */
export type WordFrequency = (word: string) => number;

/** A title and a rare family name alone ("Mr. Lukashenko"): enough to alert, no more. */
const TITLED_FAMILY_NAME = 0.9;

/**
 * An initial and a family name (A. Khamenei, Khamenei A.) against a longer listed name: the
 * word is spelled as the listed family name (its last word, or its first before a comma), and
 * the initial is the listed first given name's (`first`) or a later given name's (`later`:
 * Zarif J. for ZARIF, Mohammad Javad). With the first given name's it is scored as a title and
 * a rare family name are (0.9) when that family name is rare in the list: KHAMENEI, Ali
 * Husseini was at 0.71. A later given name's initial fits strangers too often to alert alone
 * (`TWO_WORDS_CONTAINED`): a date of birth or nationality that agrees must confirm it.
 */
function initialAndFamily(
  qt: readonly string[],
  l: PreparedName,
  lt: readonly string[],
  word: string,
): 'first' | 'later' | undefined {
  const initials = qt.filter((w) => w.length === 1);
  const listed = distinctive(lt);
  if (initials.length !== 1 || qt.length !== 2 || listed.length < 3) return undefined;
  const family = listed.at(l.surnameFirst ? 0 : -1);
  const givens = l.surnameFirst ? listed.slice(l.familyWords) : listed.slice(0, -1);
  if (family === undefined || givens.length === 0) return undefined;
  if (tokenSimilarity(word, family, false) !== 1) return undefined;
  if (givens[0]![0] === initials[0]) return 'first';
  return givens.slice(1).some((g) => g[0] === initials[0]) ? 'later' : undefined;
}

/** True when a name's words hold an initial. */
const hasInitial = (ws: readonly string[]) => ws.some((w) => w.length === 1);

/** A two-word name inside a longer one alerts alone when one of its words is this rare in the list. */
const RARE_WORD = 3;

/**
 * Word-level similarity: words aligned one to one (typos, initials, glued or split words
 * allowed outside Korean names), Dice over word weights. A shorter name wholly contained in
 * the longer one ("Vladimir Putin" in "Vladimir Vladimirovich Putin") scores by its coverage,
 * unless its words are all common ones.
 */
function wordSimilarity(
  q: PreparedName,
  l: PreparedName,
  strict: boolean,
  frequency: WordFrequency,
): number {
  const qt = rejoin(q.tokens, l.tokens);
  const lt = rejoin(l.tokens, qt);
  if (qt.length === 0 || lt.length === 0) return 0;
  const a = align(qt, lt, strict);
  if (a.queryWeight === 0 || a.listedWeight === 0) return 0;
  const dice = (2 * a.matched) / (a.queryWeight + a.listedWeight);
  // "X bin Y" names X, son of Y: the same words around "bin" the other way round are his father.
  if (swappedNasab(qt, lt, strict)) return Math.min(dice, TWO_WORDS_CONTAINED);
  const [shorter, longer] = qt.length <= lt.length ? [qt, lt] : [lt, qt];
  const own = distinctive(shorter);
  const counts = own.map(frequency);
  // "President Erdogan": a title and one rare word, spelled as the listed name's family name
  // (its last word, or its first before a comma: ERDOGAN, Recep Tayyip).
  if (!strict && own.length === 1 && shorter === qt && q.titled && counts[0]! <= RARE_WORD) {
    const family = distinctive(lt).at(l.surnameFirst ? 0 : -1);
    if (family !== undefined && lt.length > 1 && tokenSimilarity(own[0]!, family, false) === 1)
      return Math.max(dice, TITLED_FAMILY_NAME);
  }
  const initial = !strict && shorter === qt && own.length === 1;
  const fit = initial ? initialAndFamily(qt, l, lt, own[0]!) : undefined;
  if (fit === 'first') return counts[0]! <= RARE_WORD ? Math.max(dice, TITLED_FAMILY_NAME) : dice;
  if (fit === 'later') return Math.max(dice, TWO_WORDS_CONTAINED);
  // One word and initials (Sun W., Olga K.): the word must be rare in the list to alert, as a
  // titled one must; with a common word the initials fit strangers (SUN, Wei; KOVITIDI, Olga).
  if (!strict && shorter === qt && own.length === 1 && counts[0]! > RARE_WORD && hasInitial(qt))
    return Math.min(dice, TWO_WORDS_CONTAINED);
  if (strict || own.length < 2 || counts.every((n) => n > COMMON_WORD)) return dice;
  // Contained: every word of the shorter name matched, and at most two more in the longer one
  // unless they are the longer one's first and last (given name and family name of a long
  // Arabic chain: Turki al-Binali for Turki Mubarak Abdullah Ahmad al-Binali) or its first
  // ones (the person's own name before the father's: Abdul Ghani Baradar).
  if (a.shorterCovered < shorter.length) return dice;
  const longerUsed = qt.length <= lt.length ? a.listedUsed : a.queryUsed;
  if (qt.length <= lt.length && !familyAndGiven(l, longer, longerUsed)) return dice;
  if (
    distinctive(longer).length - own.length > MAX_EXTRA_WORDS &&
    !firstAndLast(longer, longerUsed) &&
    !leading(longer, longerUsed, own.length) &&
    !(own.length >= 3 && firstUsed(longer, longerUsed))
  )
    return dice;
  // Scored by how much of the shorter name is found, less a little for each word more.
  const coverage = a.matched / Math.min(a.queryWeight, a.listedWeight);
  // Given name and family name of a longer one (Ayman al-Zawahiri for Aiman Muhammed Rabi
  // al-Zawahiri) is how the person is called: the forebears left out cost nothing.
  const extra = firstAndLast(longer, longerUsed)
    ? 0
    : Math.max(0, Math.min(MAX_EXTRA_WORDS, distinctive(longer).length - own.length));
  // Never an exact match: the longer name holds words the shorter one does not.
  const contained = Math.min(CONTAINED_AT_MOST, coverage - EXTRA_WORD_COST * extra);
  // Two words found inside a longer name are common among strangers (Pavel Popov): a candidate
  // that needs a date of birth or nationality, unless one of them is rare in the list and
  // neither common (Vladimir Putin). Three or more words are the person's name.
  const distinct = Math.min(...counts) <= RARE_WORD && Math.max(...counts) <= COMMON_WORD;
  // Given name and family name with only the patronymic left out (Oleg Deripaska for DERIPASKA,
  // Oleg Vladimirovich) is how the person is called, however common the given name: the rare
  // family name is enough.
  const patronymicOnly =
    Math.min(...counts) <= RARE_WORD &&
    longer.every(
      (w, i) => longerUsed[i] === 1 || PARTICLES.has(w) || w.length < 2 || PATRONYMIC.test(w),
    );
  // A kunya alone (Abu Ubaydah, "father of Ubaydah") is a by-name many share: found at the
  // start of a longer name it is a candidate, not the person.
  const kunya = own.length === 2 && (shorter[0] === 'abu' || shorter[0] === 'umm');
  const alone = !kunya && (own.length >= 3 || distinct || patronymicOnly);
  return Math.max(dice, alone ? contained : Math.min(contained, TWO_WORDS_CONTAINED));
}

/**
 * False when a longer listed name written "FAMILY, Given" (as lists write them) has only its
 * family name found, or only its given names: James Brown is not BROWN DE JAIMES, Hilda Araceli, nor Piotr Bernard MUPENZI,
 * Pierre Bernard. A name found inside another holds one of each (PUTIN, Vladimir Vladimirovich).
 */
function familyAndGiven(p: PreparedName, ws: readonly string[], used: Uint8Array): boolean {
  // Rejoined words no longer line up with the comma: nothing to check.
  // Nothing after the comma but a suffix (LAVILLA, JR): no given name to find.
  if (p.familyWords === 0 || ws.length !== p.tokens.length || p.familyWords >= ws.length)
    return true;
  let family = false;
  let given = false;
  for (let i = 0; i < ws.length; i++) {
    if (used[i] !== 1) continue;
    if (i < p.familyWords) family = true;
    else given = true;
  }
  return family && given;
}

/** A name's words that say who it is: no particle, no initial. */
function distinctive(ws: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of ws) if (!PARTICLES.has(w) && w.length > 1) out.push(w);
  return out;
}

/** True when the first and the last distinctive words of a name are matched. */
function firstAndLast(ws: readonly string[], used: Uint8Array): boolean {
  const at = ws.flatMap((w, i) => (PARTICLES.has(w) || w.length < 2 ? [] : [i]));
  return at.length > 0 && used[at[0]!] === 1 && used[at[at.length - 1]!] === 1;
}

/** True when the first distinctive word of a name is matched. */
function firstUsed(ws: readonly string[], used: Uint8Array): boolean {
  const at = ws.findIndex((w) => !PARTICLES.has(w) && w.length > 1);
  return at >= 0 && used[at] === 1;
}

/** True when the matched words are the name's first ones (own name before the father's). */
function leading(ws: readonly string[], used: Uint8Array, count: number): boolean {
  const at = ws.flatMap((w, i) => (PARTICLES.has(w) || w.length < 2 ? [] : [i]));
  return count >= 2 && at.slice(0, count).every((i) => used[i] === 1);
}

/** The word a "bin" follows, particles passed over ("Isa bin Tarif al bin Ali": Isa). */
function sonOf(ws: readonly string[]): string | undefined {
  const b = ws.indexOf('bin');
  for (let i = b - 1; i >= 0; i--) if (!PARTICLES.has(ws[i]!)) return ws[i];
  return undefined;
}

function swappedNasab(q: readonly string[], l: readonly string[], strict: boolean): boolean {
  const qs = sonOf(q);
  const ls = sonOf(l);
  if (qs === undefined || ls === undefined) return false;
  return tokenSimilarity(qs, ls, strict) === 0;
}

/**
 * Similarity in [0, 1] of two persons' names: the better of the syllable view (Korean
 * romanizations in any order and hyphenation) and the word view.
 */
export function nameSimilarity(q: PreparedName, l: PreparedName, frequency: WordFrequency): number {
  return rounded(unroundedSimilarity(q, l, frequency));
}

/**
 * A similarity to six decimals: credits are sums and ratios of decimal steps, and in binary
 * floating point (0.95 + 0.85) / 2 is 0.8999999999999999, under an alert line of 0.9 it is meant
 * to reach.
 */
const rounded = (x: number) => Math.round(x * 1e6) / 1e6;

function unroundedSimilarity(q: PreparedName, l: PreparedName, frequency: WordFrequency): number {
  const written = writtenSimilarity(q, l, frequency);
  // A foreign name in katakana or Chinese characters against its Latin spelling, by sound.
  if (q.foreign && l.characters.length === 0) {
    return Math.max(written, soundSimilarity(q.foreign, distinctiveWords(l.tokens)));
  }
  if (l.foreign && q.characters.length === 0) {
    return Math.max(written, soundSimilarity(l.foreign, distinctiveWords(q.tokens)));
  }
  // Both in Cyrillic: a mistyped letter is one edit there, two or more in Latin (Вукић, Вучић).
  if (q.cyrillic && l.cyrillic)
    return Math.max(written, cyrillicSimilarity(q.cyrillic, l.cyrillic));
  return written;
}

const distinctiveWords = (ws: readonly string[]) => ws.filter((w) => !PARTICLES.has(w));

/** One edit in a Latin name of two or three words, outside Korean and Chinese names (see `oneEditApart`). */
function latinOneEdit(q: PreparedName, l: PreparedName, frequency: WordFrequency): boolean {
  if (q.chinese !== undefined || l.chinese !== undefined) return false;
  // Korean syllables one letter apart are other syllables (Kim Pong-ryul is not Kim Pyong-ryul).
  if (q.koreanTypos === 0 || l.koreanTypos === 0) return false;
  return oneEditApart(q.tokens, l.tokens, frequency);
}

/** Similarity of two names as written: characters, consonants, syllables or words. */
function writtenSimilarity(q: PreparedName, l: PreparedName, frequency: WordFrequency): number {
  if (q.characters.length > 0 && l.characters.length > 0) {
    return characterSimilarity(q.characters, l.characters);
  }
  // One name in Arabic (or Persian, Urdu, Hebrew) script, the other in Latin letters: only
  // the consonants are written on both sides.
  if (q.abjad !== l.abjad) {
    if (q.characters.length > 0 || l.characters.length > 0) return 0;
    return consonantSimilarity(q.consonants, l.consonants);
  }
  // Both in those scripts: words transliterated without vowels are too short for a typo to
  // count in them, so the whole name's consonants are compared too (السري, السيسي).
  if (q.abjad) {
    return Math.max(
      wordSimilarity(q, l, false, frequency),
      consonantSimilarity(q.consonants, l.consonants),
    );
  }
  // Korean rules (syllable keys, no typo inside a valid syllable) when the listed name reads as
  // Korean and the one asked about does too, but for one typo.
  const korean = l.koreanTypos === 0 && (q.koreanTypos === 0 || koreanTypo(q));
  let best = wordSimilarity(q, l, korean, frequency);
  if (!korean) {
    // A Chinese name in Wade-Giles against its Pinyin spelling (Mao Tse-tung, Mao Zedong).
    if (q.chinese && l.chinese) best = Math.max(best, chineseSimilarity(q.chinese, l.chinese));
    else if (best < ONE_EDIT && latinOneEdit(q, l, frequency)) best = ONE_EDIT;
    return best;
  }
  for (const a of q.syllableViews) {
    for (const b of l.syllableViews) {
      best = Math.max(best, syllableSimilarity(a, b, true, q.kontsevich || l.kontsevich));
    }
  }
  return best;
}

/** Both names in Hangul, kana or CJK: Dice over the characters as written (each one a syllable). */
function characterSimilarity(a: readonly string[], b: readonly string[]): number {
  const left = [...b];
  let same = 0;
  for (const c of a) {
    const at = left.indexOf(c);
    if (at < 0) continue;
    left.splice(at, 1);
    same++;
  }
  return (2 * same) / (a.length + b.length);
}
