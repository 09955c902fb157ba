import { sameChineseSurname } from './cantonese.ts';
import { chineseWord } from './chinese.ts';
import { consonantsOf } from './consonants.ts';
import { feminineFamilyName, otherSexGivenName } from './gender.ts';
import { sameJapaneseName } from './hepburn.ts';
import { surnameCredit } from './korean-surnames.ts';
import { wordKeys } from './romanize.ts';
import {
  belarusianTypo,
  sameBelarusianName,
  samePatronymic,
  sameSlavicName,
  slavicTypo,
} from './slavic.ts';
import { jaroWinkler } from './text.ts';
import { foreignForm, givenNameForm, isKnownGivenName, koreanWord, PARTICLES } from './tokens.ts';

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits), capped at `max + 1`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prev2[j - 2]! + 1);
      }
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    [prev2, prev] = [prev, row];
  }
  return prev[b.length]!;
}

/** Edits a word of this length may carry and still be the same word: none below 5 letters (Mary/Mark). */
function allowedEdits(length: number): number {
  if (length >= 9) return 2;
  return length >= 5 ? 1 : 0;
}

// Derived forms of a word cost a syllabification or several regular expressions; names
// repeat, so each form is kept once computed (bounded).
const CACHE_LIMIT = 200_000;

function memo(fn: (word: string) => string): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let out = cache.get(word);
    if (out === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      out = fn(word);
      cache.set(word, out);
    }
    return out;
  };
}

const spellingKey = memo((word) => wordKeys(word).join(''));

/** Russian and Ukrainian transliteration variants folded: Semyonov/Semenov, Andreyev/Andreev, Yuriy/Yuri. */
const cyrillicFold = memo((word) =>
  word
    // English spellings of Russian names: x for кс (Maxim, Alexei), c for к (Victoria,
    // Nicolai) where no ц (ts), ч (ch) or an English soft c (before e, i, y) is meant.
    .replace(/x/g, 'ks')
    .replace(/c(?![eihyz])/g, 'k')
    // ия as -iya or -ia (Viktoriya, Maria, Anastasiya).
    .replace(/iy(?=[aou])/g, 'i')
    .replace(/[iy]o/g, 'e')
    .replace(/[iy]e/g, 'e')
    .replace(/(iy|ii|yy|y)$/, 'i')
    .replace(/kh/g, 'h')
    .replace(/ts/g, 'c')
    .replace(/w/g, 'v')
    .replace(/(.)\1/g, '$1')
    .replace(/y/g, 'i'),
);

/**
 * The consonant skeleton of a transliterated word: Arabic and Persian names reach Latin with
 * their short vowels, doubled letters and final -a/-ah/-eh spelled at will (Jassem/Jasim,
 * Al-Kubaisi/Al-Qubaysi, Hawatmeh/Hawatma, Muneer/Munir).
 */
export const skeleton = memo((word) =>
  word
    .replace(/[aeiouy]+h$/, '')
    // A word's first vowel is an alif or ayn carrying any short vowel (Ismail/Esmail,
    // Osman/Usman, Obeida/Ubaydah): one mark for all of them.
    .replace(/^[aeiou]+/, 'a')
    .replace(/q/g, 'k')
    .replace(/dh/g, 'z')
    .replace(/ph/g, 'f')
    .replace(/(?!^)[aeiouyw]/g, '')
    .replace(/(.)\1+/g, '$1'),
);

/** Shortest skeleton, and shortest longer word, for which a skeleton match counts (Salma/Salim do not). */
const MIN_SKELETON = 3;
const MIN_SKELETON_WORD = 6;
const INITIAL_CREDIT = 0.85;
const SKELETON_CREDIT = 0.9;

/** The same given name in another language (Juan/John, Pyotr/Peter). */
const FOREIGN_CREDIT = 0.9;
const REVERSED_CREDIT = 0.9;
const REVERSED_TYPO_CREDIT = 0.85;
const PARTICLE_TYPO_CREDIT = 0.9;
/** A Japanese name in another romanization, a Chinese surname in its Cantonese reading. */
const ROMANIZATION_CREDIT = 0.9;
/** A Slavic name as another language writes it: as much as a typo. */
const SLAVIC_CREDIT = 0.9;
/** And with one typo on top (Serej for Sergej): a two-word name with its other word exact scores 0.925. */
const SLAVIC_TYPO_CREDIT = 0.85;

const reversed = (word: string) => [...word].reverse().join('');

/** Shortest word whose inner letters may be scrambled and still count (see `scrambleKey`). */
export const MIN_SCRAMBLED = 6;
/** A word with its inner letters scrambled counts as a typo does (Vidlamir for Vladimir). */
const SCRAMBLED_CREDIT = 0.9;

/**
 * A word of six letters or more as its first letter, its inner letters sorted and its last
 * letter: a word with its inner letters shuffled (Vidlamir, Vladimir) reads the same way to a
 * reviewer and has the same key; shorter words have too few inner letters for it to say much.
 */
export const scrambleKey = memo((word) =>
  word.length < MIN_SCRAMBLED
    ? ''
    : `${word[0]}${[...word.slice(1, -1)].sort().join('')}${word[word.length - 1]}`,
);

/** True when two different words of six letters or more have the same scramble key. */
function scrambled(a: string, b: string): boolean {
  return (
    a.length === b.length && a !== b && scrambleKey(a) !== '' && scrambleKey(a) === scrambleKey(b)
  );
}

/** A Korean word one typo away from another, the typo leaving no Korean word (see `tokenSimilarity`). */
const KOREAN_WORD_TYPO = 0.85;

function koreanWordTypo(a: string, b: string): number {
  if (koreanWord(a) === koreanWord(b)) return 0;
  return oneKoreanTypo(a, b) ? KOREAN_WORD_TYPO : 0;
}

/**
 * One typo between two romanized Korean words or syllables: one edit, or a letter typed twice
 * or more ("Joonng" for Jong) and nothing else: the doubling is the typo, not a pass for one
 * more (Yonng is not Song).
 */
export function oneKoreanTypo(a: string, b: string): boolean {
  const once = (t: string) => t.replace(/(.)\1+/g, '$1');
  return editDistance(a, b, 1) <= 1 || once(a) === once(b);
}

/** Credit for one word against another; `strict` (Korean names): romanizations, no typo at word level. */
export function tokenSimilarity(a: string, b: string, strict: boolean): number {
  if (a === b || givenNameForm(a) === givenNameForm(b)) return 1;
  // Korean names: the same syllables in another romanization, or one typo that leaves no
  // Korean word (Chl, Ypeng, Rku for Ryu); one real syllable for another is another name.
  if (strict) {
    // Two spellings of one surname whose keys differ (Joe, Cho); two surnames apart: `align`.
    if (surnameCredit(a, b) === 1) return 1;
    return spellingKey(a) === spellingKey(b) ? 1 : koreanWordTypo(a, b);
  }
  // Patronymics of one given name in two spellings (Volodymyrovych, Vladimirovich).
  if (samePatronymic(a, b)) return 1;
  if (foreignForm(a) === foreignForm(b)) return FOREIGN_CREDIT;
  // An initial given for a name counts in part; a listed initial proves nothing about a name.
  if (b.length === 1) return 0;
  if (a.length === 1) return a === b[0] ? INITIAL_CREDIT : 0;
  // "xal-Assad": a particle mistyped is still a particle (it weighs nothing either way).
  // A letter added to it, not one replaced: "ye" is a word of its own, not "de" mistyped.
  if (PARTICLES.has(b) && a.length === b.length + 1 && editDistance(a, b, 1) <= 1)
    return PARTICLE_TYPO_CREDIT;
  // One Russian name in two transliterations, before the sex test, which reads Viktoriya
  // against Victoria as an -iya form (the folds keep Aleksandr and Aleksandra apart).
  if (cyrillicFold(a) === cyrillicFold(b)) return 0.95;
  // A Belarusian spelling against the Russian one, before the sex test, which reads the
  // -ka of Lukashenka against the -ko of Lukashenko as another sex's form.
  if (sameBelarusianName(a, b)) return SLAVIC_CREDIT;
  if (otherSexGivenName(a, b)) return 0;
  // The other sex's form of a family name is the same family name (Smirnov, Smirnova).
  if (otherSexFamilyName(a, b)) return GENDERED_FAMILY_CREDIT;
  // The same Slavic name as German, Polish or French writes it (Selenskyj, Chruschtschow).
  if (sameSlavicName(a, b)) return SLAVIC_CREDIT;
  if (a.length - b.length === 1 ? balticForm(a, b) : b.length - a.length === 1 && balticForm(b, a))
    return 0.95;
  if (
    a.length - b.length === 2
      ? lithuanianForm(a, b)
      : b.length - a.length === 2 && lithuanianForm(b, a)
  )
    return 0.95;
  // One Japanese name in two romanizations (Itou, Ito; Siniti, Shinichi), one Chinese surname
  // in its Cantonese and Pinyin spellings (Chan, Chen): as much as a transliteration.
  if (sameJapaneseName(a, b) || sameChineseSurname(a, b)) return ROMANIZATION_CREDIT;
  const credit = spellingCredit(a, b);
  if (credit > 0 || a.length < 4) return credit;
  if (slavicTypo(a, b) || belarusianTypo(a, b)) return SLAVIC_TYPO_CREDIT;
  if (scrambled(a, b)) return SCRAMBLED_CREDIT;
  // A word written backwards ("nituP"), a cheap way past a screen, with at most one typo.
  // Cheap first: a word backwards ends with the other's first letter (or, typed, its second).
  if (a[a.length - 1] !== b[0] && a[a.length - 2] !== b[0]) return 0;
  const back = reversed(a);
  if (back === b || scrambled(back, b)) return REVERSED_CREDIT;
  return a.length >= 5 && editDistance(back, b, 1) <= 1 ? REVERSED_TYPO_CREDIT : 0;
}

/** Latvian and Lithuanian add -s to a name (Sergejs Lavrovs for Sergey Lavrov). */
function balticForm(a: string, b: string): boolean {
  if (a.length < 5 || !a.endsWith('s')) return false;
  const stem = a.slice(0, -1);
  return stem === b || givenNameForm(stem) === givenNameForm(b);
}

/** Lithuanian adds -as, -is or -us to a foreign name (Vladimiras Putinas, Džordžas Bušas). */
function lithuanianForm(a: string, b: string): boolean {
  if (a.length < 6 || !/(as|is|us)$/.test(a)) return false;
  const stem = a.slice(0, -2);
  return stem === b || givenNameForm(stem) === givenNameForm(b);
}

/**
 * Credit for a typo after the first letter of a four-letter word (not Kamal/Jamal): too little for a two-word name to alert on (Mary Smith is not Mark Smith), enough inside a
 * longer one whose other words agree (Ssad Khan Zarkari, Muthanna Harith al-Dhari).
 */
const SHORT_TYPO_CREDIT = 0.75;

/**
 * Two letters mistyped in a word of six to eight letters, its first letter and its length
 * kept (a changed ending makes another name: Sancho/Sanchez, Orbach/Orban): a two-word name
 * with its other word exact scores 0.91, just over the alert line, a three-word name more.
 */
const TWO_TYPO_CREDIT = 0.82;
const MIN_TWO_TYPO_WORD = 6;

/** Same length, same first letter, six letters at least: the cheap part of `twoTypos`. */
function twoTyposPossible(a: string, b: string): boolean {
  return a.length === b.length && a[0] === b[0] && a.length >= MIN_TWO_TYPO_WORD;
}

/**
 * True when two words two edits apart may be one word mistyped: not in shorter words (Salma
 * is not Salim), nor in names made of syllables, where two letters make another syllable
 * (Xiaoming/Xiaohong), nor in names from scripts that write no vowels (Persian پزشکیان).
 */
function twoTypos(a: string, b: string): boolean {
  if (!twoTyposPossible(a, b) || !written(a) || !written(b)) return false;
  return chineseWord(a) === undefined || chineseWord(b) === undefined;
}
/**
 * The first letter of a four- or five-letter word replaced (Ssad/Asad): only what a long
 * name's other words can carry; alone with one other word it is another name (Jamal/Kamal
 * Khan, Harry/Larry Page).
 */
const FIRST_LETTER_CREDIT = 0.6;
/** A word with its vowels written: from a script that writes none (Persian پزشکیان), two letters are half the word. */
const written = (word: string) => /[aeiou]/.test(word);

/**
 * Letters that transliterations of one Arabic, Persian or Indonesian sound trade at will,
 * folded: ou/oo/w for و (Sahraoui/Sahrawi, Dawood/Daud), ee and a final y for ي (Zawahry),
 * sy for sh (Ba'asyir/Bashir), dh for d (Dhari/Dari), q, ck and a French c before a, o or u
 * for k (Macki/Maki, Yacoub/Yaqub), ph for f, doubled letters once
 * (Hajjaj/Hajaj).
 */
export const transliterated = memo((word) =>
  word
    .replace(/ou|oo/g, 'u')
    .replace(/([aeiu])w|w(?=[^aeiou]|$)/g, '$1u')
    .replace(/ee/g, 'i')
    // The diphthong of ay as spellings write it (Deif/Dayf, Feisal/Faysal, Zeid/Zayd).
    .replace(/(?:ei|ey|ai|ay)(?![aeiouy])/g, 'ai')
    .replace(/y$/, 'i')
    .replace(/sy/g, 'sh')
    .replace(/dh/g, 'd')
    // The French dj for ج (Djavad/Javad, Djibril/Jibril).
    .replace(/^dj/, 'j')
    // ث is th in Arabic spellings, s in Persian, Urdu and Turkish ones (Harith/Haris).
    .replace(/th/g, 's')
    .replace(/q/g, 'k')
    // The French c before a, o, u for ك or ق (Yacoub, Yaqub; Mocktar).
    .replace(/c(?![eihyz])/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/(.)\1+/g, '$1')
    // A final ta marbuta as Persian and Arabic spellings write it (Haniyeh, Haniya, Haniyah).
    .replace(/(?<=[a-z]{2})[ae]h$/, 'a'),
);

/**
 * ق is q in one spelling and g (Gulf, Libyan and Maghrebi speech), k or kh in another
 * (Qadhafi, Gaddafi, Kadhafi; Qasimi, Gasmi) or gh in Persian (Qasem, Ghassem): when one of
 * the words has a q, a g, gh, k or kh of the other is read as it.
 */
function sameQaf(a: string, b: string, fa: string, fb: string): boolean {
  if (a.includes('q') === b.includes('q')) return false;
  const [other, folded] = a.includes('q') ? [fb, fa] : [fa, fb];
  return other.replace(/kh|gh|g/g, 'k') === folded;
}

/**
 * ج is j in most spellings and g in Egyptian ones (Gamal, Abdel Gawad, Ragab, Hegazi; Naguib
 * with the French gu before i, Magdy): a word with a g, where the other has a j, is read with
 * each g as j. Both words five letters or more, neither one Chinese syllable (Jiang, Giang) and
 * not both Pinyin (Guilin, Jilin): four-letter words are Western and East Asian names too
 * often (Gill, Jill; Gung, Jung).
 */
const MIN_GIM_WORD = 5;
const GIM_SPELLING_CREDIT = 0.85;

/** A g (not gh) read as the j of ج, with the French gu before e or i (Naguib). */
export const gimAsJ = (word: string) => word.replace(/gu(?=[ei])/g, 'j').replace(/g(?!h)/g, 'j');

/** The g-spelled word with its g read as j, when one word has g and the other j (see above). */
function gimReading(a: string, b: string): readonly [string, string] | undefined {
  if (a.length < MIN_GIM_WORD || b.length < MIN_GIM_WORD) return undefined;
  const ga = /g(?!h)/.test(a) && !a.includes('j');
  const gb = /g(?!h)/.test(b) && !b.includes('j');
  if (ga === gb || !(ga ? b : a).includes('j')) return undefined;
  // One syllable (Jiang, Giang) is Chinese or Vietnamese; two Pinyin words are two names
  // (Guilin, Jilin). Wade-Giles writes no g, and its j is Pinyin's r (Hijazi reads hi-ja-zi).
  const ca = chineseWord(a);
  const cb = chineseWord(b);
  if (ca?.keys.length === 1 || cb?.keys.length === 1) return undefined;
  if (ca !== undefined && cb !== undefined && !ca.wadeGiles && !cb.wadeGiles) return undefined;
  return ga ? [gimAsJ(a), b] : [a, gimAsJ(b)];
}

/** A word matched only after folding transliterations counts as much as a typo. */
const TRANSLITERATED_CREDIT = 0.9;
/** One typo more after folding: too little for a two-word name (Karim/Qasim Saleh), enough in a longer one. */
const TRANSLITERATED_TYPO_CREDIT = 0.75;

/** Credit for two spellings of one word, as written and with transliterations folded. */
function spellingCredit(a: string, b: string): number {
  const direct = writtenCredit(a, b);
  if (direct >= TRANSLITERATED_CREDIT) return direct;
  const gim = gimReading(a, b);
  if (gim !== undefined) {
    // The j reading and nothing else counts as a transliteration; with a spelling difference
    // more (Hegazi, Hijazi) as a little less, so a two-word name needs its other word exact.
    const [ja, jb] = gim;
    if (transliterated(ja) === transliterated(jb)) return TRANSLITERATED_CREDIT;
    return Math.max(direct, Math.min(GIM_SPELLING_CREDIT, spellingCredit(ja, jb)));
  }
  const fa = transliterated(a);
  const fb = transliterated(b);
  if (fa === a && fb === b) return direct;
  return foldedCredit(a, b, direct);
}

/** Credit for two words alike once transliterations are folded (`direct`: as written). */
function foldedCredit(a: string, b: string, direct: number): number {
  const fa = transliterated(a);
  const fb = transliterated(b);
  if (fa === fb || sameQaf(a, b, fa, fb)) return TRANSLITERATED_CREDIT;
  return Math.max(direct, Math.min(TRANSLITERATED_TYPO_CREDIT, writtenCredit(fa, fb)));
}

/** Credit for two spellings of one word: transliteration shifts, typos, consonant skeletons. */
function writtenCredit(a: string, b: string): number {
  const shortest = Math.min(a.length, b.length);
  // Transliterations that shift letters ("Semyonov"/"Semenov") stay close by Jaro-Winkler
  // (which needs a shared start and near lengths to reach 0.95: checked first, cheaply).
  const jwPossible = shortest >= 4 && a[0] === b[0] && Math.abs(a.length - b.length) <= 2;
  if (jwPossible && jaroWinkler(a, b) >= 0.95) return 0.9;
  const edits = allowedEdits(shortest);
  // A first letter may differ only in a long word ("Wladimir"/"Vladimir").
  if (edits === 0 || (a[0] !== b[0] && shortest < 6)) {
    if (sameSkeleton(a, b)) return SKELETON_CREDIT;
    const short = shortest === 4 && a[0] === b[0];
    if (short && editDistance(a, b, 1) === 1)
      return Math.max(SHORT_TYPO_CREDIT, vowelVariant(a, b));
    const variant = vowelVariant(a, b);
    if (variant > 0 || shortest < 4) return variant;
    // The first letter replaced, not moved (Farah/Afrah is another name).
    return a.slice(1) === b.slice(1) ? FIRST_LETTER_CREDIT : 0;
  }
  // Two edits are worth computing only where two typos may count (see twoTypos).
  const d = editDistance(a, b, twoTyposPossible(a, b) ? 2 : edits);
  if (d === 1) return 0.9;
  if (d === 2 && edits === 2) return 0.85;
  if (sameSkeleton(a, b)) return SKELETON_CREDIT;
  // Two typos in a word of five to eight letters (Merkur/Merkel, Starkey/Starmer): as
  // much as a word may carry and still alert with every other word of the name exact.
  if (d === 2 && twoTypos(a, b)) return TWO_TYPO_CREDIT;
  // Longer words vary by vowels under the skeleton rule only (as many vowel groups).
  return shortest < MIN_SKELETON_WORD ? vowelVariant(a, b) : 0;
}

const consonants = memo(consonantsOf);

/**
 * Credit for two spellings of a transliterated name that differ in vowels and glides only
 * (Tarek/Tariq, Eyad/Iyad, Dhari/Dari): with three consonants or more as much as a typo, with
 * two only what a longer name's other words can carry (Anna/Anne alone does not alert).
 * Never for table given names, which have their own forms (Ahmed is not Ahmadi).
 */
function vowelVariant(a: string, b: string): number {
  if (a[0] !== b[0] && !(isVowel(a[0]) && isVowel(b[0]))) return 0;
  // Both ending in a vowel or both not, as many vowel groups: Salma is not Salim, Jaber not
  // Jubouri, Jang not Jingwei.
  if (isVowel(a[a.length - 1]) !== isVowel(b[b.length - 1])) return 0;
  if (Math.abs(a.length - b.length) > 2) return 0;
  const k = consonants(a);
  if (k.length < 2 || k !== consonants(b) || vowels(a) !== vowels(b)) return 0;
  if (isKnownGivenName(a) || isKnownGivenName(b)) return 0;
  return k.length >= 3 ? VOWEL_VARIANT_CREDIT : SHORT_TYPO_CREDIT;
}

const VOWEL_VARIANT_CREDIT = 0.85;
/** Vowel groups, y a consonant here (Zhang has one, Zhiyong two; Eyad and Iyad two each). */
const vowels = (word: string) => word.match(/[aeiou]+/g)?.length ?? 0;
const isVowel = (c: string | undefined) => c !== undefined && 'aeiouy'.includes(c);

/** Same consonants in the same order (q and k alike); never for a table name (Mahmoud/Mohamed, Ahmed/Ahmadi). */
function sameSkeleton(a: string, b: string): boolean {
  if (Math.max(a.length, b.length) < MIN_SKELETON_WORD) return false;
  if (isKnownGivenName(a) || isKnownGivenName(b)) return false;
  const k = skeleton(a);
  if (k.length < MIN_SKELETON || k !== skeleton(b)) return false;
  // Same number of vowel groups, two at least: Jassem/Jasim, not Jaber/Jubouri or Zhang/Zhiyong.
  const va = vowelGroups(a);
  return va >= 2 && va === vowelGroups(b);
}

function vowelGroups(word: string): number {
  return word.match(/[aeiouy]+/g)?.length ?? 0;
}

/**
 * The other sex's form of a family name (Smirnova for Smirnov, Kowalska for Kowalski,
 * Nováková for Novák) is the same family name, as a nickname is the same given name: forms,
 * profiles and transliterations swap them (a woman abroad often drops the -a). Not for table
 * given names; the other sex's given name is another person (see `otherSexGivenName`).
 */
const GENDERED_FAMILY_CREDIT = 1;

function otherSexFamilyName(a: string, b: string): boolean {
  if (!(feminineFamilyName(a, b) || feminineFamilyName(b, a))) return false;
  return !isKnownGivenName(a) && !isKnownGivenName(b);
}

/** How much a word says about who it is: particles nothing, initials little. */
export function tokenWeight(token: string): number {
  // "al-", "bin", "de" are written or left out at will: they neither add nor take away.
  if (PARTICLES.has(token)) return 0;
  return token.length === 1 ? 0.5 : 1;
}

/** Most words of a name split apart that are joined again ("Plat Ono Vich" -> platonovich). */
const MAX_SPLIT_PARTS = 4;

/** Words glued on one side ("AlisherUsmanov") or split on the other ("Patr ushev"): rejoined to match. */
export function rejoin(words: readonly string[], other: readonly string[]): string[] {
  // Names have a few words: looking through them is cheaper than building a set per call.
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (other.includes(w)) {
      out.push(w);
      continue;
    }
    const parts = joinedParts(words, i, other);
    if (parts > 1) {
      out.push(words.slice(i, i + parts).join(''));
      i += parts - 1;
      continue;
    }
    out.push(...splitAgainst(w, other));
  }
  return out;
}

/** How many words from `i` on, none known alone, join into a known word (1 when none do). */
function joinedParts(words: readonly string[], i: number, other: readonly string[]): number {
  let joined = words[i]!;
  // Cheap first: some word of the other name must begin with this one.
  if (!startsAnother(other, joined)) return 1;
  for (let n = 2; n <= MAX_SPLIT_PARTS && i + n <= words.length; n++) {
    const next = words[i + n - 1]!;
    if (other.includes(next)) return 1;
    joined += next;
    if (other.includes(joined)) return n;
  }
  return 1;
}

function splitAgainst(word: string, other: readonly string[]): string[] {
  if (other.includes(word)) return [word];
  for (const a of other) {
    if (a.length < 2 || a.length >= word.length || !word.startsWith(a)) continue;
    const rest = word.slice(a.length);
    // A doubled syllable is one name (Huihui), not the same word twice.
    if (rest === a) continue;
    if (other.includes(rest)) return [a, rest];
    // The rest spelled as the other name's next word is spelled (Abdelmalek for Abd al-Malik,
    // read abdul malek: malek against malik), a word of its own too.
    const next = other[other.indexOf(a) + 1];
    if (
      a.length >= MIN_SPLIT_HEAD &&
      next !== undefined &&
      rest.length >= MIN_AFTER_ARTICLE &&
      pairCredit(rest, next, false) >= SPLIT_REST_CREDIT
    )
      return [a, rest];
  }
  return gluedArticle(word, other) ?? [word];
}

/**
 * A word split after another name's word (abdul-malek) only when that word has four letters or
 * more (not Abu: Abubaker is not Abu Baker) and the rest is a spelling of the next word, 0.85 at
 * least, not a typo (Abdurrochim is not Abdul Rosyid).
 */
const MIN_SPLIT_HEAD = 4;
const SPLIT_REST_CREDIT = 0.85;

/** Shortest word after a glued article that is split off it. */
const MIN_AFTER_ARTICLE = 4;

/**
 * "Alsubaie" for "al-Subaiy", "Elsebai" for "al-Sebai": an article glued to a word the other name spells with its own
 * spelling (the article is written apart there). Alexander stays whole: no word of the other
 * name is like "exander".
 */
function gluedArticle(word: string, other: readonly string[]): string[] | undefined {
  // The article as written glued (Alsubaie, Elsebai); apart, both read al.
  if (!/^[ae]l/.test(word) || word.length < 2 + MIN_AFTER_ARTICLE || !other.includes('al'))
    return undefined;
  const rest = word.slice(2);
  const like = other.some((o) => o !== 'al' && pairCredit(rest, o, false) >= SHORT_TYPO_CREDIT);
  return like ? ['al', rest] : undefined;
}

/** What the alignment found: matched weight and the weights of both names. */
export interface Alignment {
  readonly matched: number;
  readonly queryWeight: number;
  readonly listedWeight: number;
  /** Words of the shorter name that are matched, for the containment rule. */
  readonly shorterCovered: number;
  /** Which words of each name found a partner. */
  readonly queryUsed: Uint8Array;
  readonly listedUsed: Uint8Array;
}

/** Weights of a name's words: a word repeated ("Sergey Sergey Shoigu") weighs once. */
function weightsOf(ws: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < ws.length; i++) out.push(ws.indexOf(ws[i]!) < i ? 0 : tokenWeight(ws[i]!));
  return out;
}

// Module-level helpers of the hot path: no closure is made per name compared.
function byCredit(x: { s: number }, y: { s: number }): number {
  return y.s - x.s;
}

function sum(xs: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) total += xs[i]!;
  return total;
}

/** True when some word of `other` is longer than `prefix` and starts with it. */
function startsAnother(other: readonly string[], prefix: string): boolean {
  for (const o of other) if (o.length > prefix.length && o.startsWith(prefix)) return true;
  return false;
}

// Word pairs recur from one name to the next (common given names against the list's words):
// their credit is kept once computed (bounded: some 16 MB at most).
const PAIR_CACHE_LIMIT = 200_000;
/** Credits by first word, then second word: no key string built per pair looked up. */
const pairCredits: Record<'loose' | 'strict', Map<string, Map<string, number>>> = {
  loose: new Map(),
  strict: new Map(),
};
let pairCount = 0;

function pairCredit(a: string, b: string, strict: boolean): number {
  const byFirst = pairCredits[strict ? 'strict' : 'loose'];
  let row = byFirst.get(a);
  let credit = row?.get(b);
  if (credit !== undefined) return credit;
  if (pairCount >= PAIR_CACHE_LIMIT) {
    pairCredits.loose.clear();
    pairCredits.strict.clear();
    pairCount = 0;
    row = undefined;
  }
  credit = tokenSimilarity(a, b, strict);
  if (row === undefined) {
    row = new Map();
    byFirst.set(a, row);
  }
  row.set(b, credit);
  pairCount++;
  return credit;
}

/**
 * Two words where a Korean name's surname stands (first or last) that the tables give to two
 * surnames (Cho 조, Chu 주). Elsewhere the same words are given-name syllables, which informal
 * spellings write freely (Yun for 연 in JON, Yun Gun).
 */
function surnamesApart(q: readonly string[], i: number, l: readonly string[], j: number): boolean {
  const end = (ws: readonly string[], k: number) => k === 0 || k === ws.length - 1;
  return end(q, i) && end(l, j) && surnameCredit(q[i]!, l[j]!) === 0;
}

/** Greedy best-first one-to-one alignment of two names' words. */
export function align(q: readonly string[], l: readonly string[], strict: boolean): Alignment {
  const pairs: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < l.length; j++) {
      const s = pairCredit(q[i]!, l[j]!, strict);
      if (s > 0 && !(strict && surnamesApart(q, i, l, j))) pairs.push({ i, j, s });
    }
  }
  pairs.sort(byCredit);
  const qw = weightsOf(q);
  const lw = weightsOf(l);
  const usedQ = new Uint8Array(q.length);
  const usedL = new Uint8Array(l.length);
  let matched = 0;
  for (const { i, j, s } of pairs) {
    if (usedQ[i] || usedL[j]) continue;
    usedQ[i] = 1;
    usedL[j] = 1;
    // An initial stands for the word it matched: that word weighs as much as the initial.
    if (q[i]!.length === 1) lw[j] = Math.min(lw[j]!, qw[i]!);
    matched += (s * (qw[i]! + lw[j]!)) / 2;
  }
  const shorterUsed = q.length <= l.length ? usedQ : usedL;
  return {
    matched,
    queryWeight: sum(qw),
    listedWeight: sum(lw),
    shorterCovered: sum(shorterUsed),
    queryUsed: usedQ,
    listedUsed: usedL,
  };
}
