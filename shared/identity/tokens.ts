import { BELARUSIAN_GIVEN_NAMES } from './belarusian.ts';
import { surnamesSpelled } from './korean-surnames.ts';
import { NICKNAMES } from './nicknames.ts';
import { isKoreanSyllable, surnameVariant, syllables } from './romanize.ts';
import { ABJAD, foldText, toAscii } from './text.ts';

/** Honorifics, ranks and religious titles: they say nothing about who the person is. */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'president',
  'presidente',
  'prasident',
  // President in other languages of the lists and the press (Croatian, Romanian, Indonesian,
  // Czech and Russian, Polish, Finnish; Hungarian writes it after the name).
  'predsjednik',
  'presedintele',
  'presiden',
  'prezident',
  'prezydent',
  'presidentti',
  'elnok',
  'premier',
  'minister',
  'monsieur',
  'madame',
  'mme',
  'herr',
  'frau',
  'senor',
  'senora',
  'gen',
  'general',
  'col',
  'colonel',
  'capt',
  'captain',
  'maj',
  'major',
  'lt',
  'sgt',
  'rev',
  'fr',
  'father',
  'hon',
  'excellency',
  'his',
  'her',
  'sheikh',
  'shaikh',
  'shaykh',
  'sheik',
  'haji',
  'hajji',
  'alhaji',
  'mullah',
  'mulla',
  'mawlawi',
  'maulvi',
  'maulana',
  'mufti',
  'imam',
  'qari',
  'sayyid',
  'sayed',
  'syed',
  'emir',
  'amir',
  // Russian and Bulgarian Mr. and Mrs., Comrade (and the Korean press's English for 동지),
  // Italian and Portuguese forms, Ustad (teacher). Not Seyed or Sayyed: names hold them as a
  // word of their own (Sayyed Ghayasudin for SAYYED GHIASSOUDDINE AGHA, found only with it).
  'gospodin',
  'gospozha',
  'tovarishch',
  'comrade',
  'signor',
  'signora',
  'sra',
  'srta',
  'ustad',
  'ustadh',
  'ustaz',
  'hajj',
  'hadji',
  'brigadier',
  'admiral',
  'commander',
  'lieutenant',
  'jr',
  'sr',
  'ii',
  'iii',
  'iv',
]);

/**
 * Titles that are words of names when written out (Eng, a Chinese and Khmer name; Ing), so
 * dropped only as abbreviations with their period: Eng. and Engr. (engineer, as Arabic and
 * Persian names are often styled), Ing. (Spanish, German, Czech), Lic. (Spanish), Arch.
 */
const ABBREVIATED_TITLE = /^\s*(?:eng|engr|ing|lic|arch)\.\s*/i;

/** Titles written after the name. */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'elnok']);

/** Spellings of the same particle ("ibn", "ben" -> bin; "el" -> al). */
const PARTICLE_FORMS: ReadonlyMap<string, string> = new Map([
  ['ibn', 'bin'],
  ['ben', 'bin'],
  ['bint', 'bin'],
  ['binti', 'bin'],
  ['el', 'al'],
  ['ul', 'al'],
  // "Son of" in Mauritania and the Sahel: Ould (walad) and the Tuareg Ag (Iyad Ag Ghaly).
  ['ould', 'bin'],
  ['walad', 'bin'],
  ['ag', 'bin'],
]);

/** Connecting words of names: they match often and prove little. */
export const PARTICLES: ReadonlySet<string> = new Set([
  'bin',
  'al',
  'de',
  'da',
  'di',
  'do',
  'dos',
  'das',
  'del',
  'della',
  'du',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'la',
  'le',
  'y',
  'e',
]);

/**
 * Common transliterations of the same given name (Arabic, Persian, Russian usage): one
 * spelling each, so that "Muhammad bin Salman" meets "Mohammed bin Salman".
 */
const GIVEN_NAME_FORMS: ReadonlyMap<string, string> = new Map(
  Object.entries<readonly string[]>({
    muhammad: [
      'mohammed',
      'mohammad',
      'mohamed',
      'mohamad',
      'muhammed',
      'mohammod',
      'muhamad',
      'mehmet',
      'mohamud',
      'mahomed',
      'mochammad',
      'mochamad',
      'muchammad',
      'muhammet',
      'mohd',
      // Indonesian and Malay abbreviations (Muh. Sholeh, Moh. Iqbal).
      'muh',
      'moh',
    ],
    husayn: ['hussein', 'husain', 'hussain', 'hosein', 'hossein', 'husein', 'houssein'],
    hasan: ['hassan', 'hasen', 'hassen'],
    usama: ['osama', 'oussama', 'ussama'],
    ahmad: ['ahmed', 'ahmet', 'achmed'],
    mahmud: ['mahmoud', 'mahmood', 'mehmud'],
    umar: ['omar', 'omer', 'oumar'],
    yusuf: ['yousef', 'youssef', 'yusef', 'yousuf', 'yousif', 'yussuf'],
    abdallah: ['abdullah', 'abdulla', 'abdellah', 'abdalla'],
    abdul: ['abdel', 'abdal', 'abdol', 'abd'],
    abu: ['abou', 'abo'],
    ali: ['aly'],
    khalid: ['khaled'],
    said: ['saeed', 'saed', 'sayed'],
    salih: ['saleh', 'salah'],
    sergey: ['sergei', 'serguei', 'sergej', 'serhiy', 'serhii'],
    aleksandr: ['alexander', 'aleksander', 'alexandr', 'oleksandr', 'alex', 'sasha'],
    aleksey: ['alexei', 'alexey', 'aleksei', 'oleksiy'],
    yuriy: ['yuri', 'yury', 'iurii', 'yurii'],
    dmitriy: ['dmitri', 'dmitry', 'dmitrii'],
    andrey: ['andrei', 'andriy', 'andrii'],
    nikolay: ['nikolai', 'mykola'],
    vladimir: ['volodymyr', 'wladimir', 'vladymyr', 'volodya', 'vova'],
    yevgeniy: ['evgeny', 'evgeniy', 'yevgeny', 'evgenii', 'yevhen'],
    mikhail: ['mikhael', 'mykhailo', 'misha'],
    natalya: ['natalia', 'nataliya', 'natalie', 'natasha'],
    tatyana: ['tatiana', 'tetyana', 'tanya'],
    sofia: ['sophia', 'sophie', 'sofiya', 'zofia'],
    // English short forms, as profiles and press write them (Bill Gates, Bibi Netanyahu).
    william: ['bill', 'billy', 'will', 'willy'],
    michael: ['mike', 'mick', 'mikey'],
    john: ['johnny', 'jack'],
    nicholas: ['nick'],
    robert: ['bob', 'bobby', 'rob', 'robbie'],
    theodore: ['ted', 'teddy', 'theo'],
    benjamin: ['ben', 'benny', 'bibi'],
    barack: ['barry'],
    richard: ['dick', 'rick', 'richie'],
    james: ['jim', 'jimmy', 'jamie'],
    joseph: ['joe', 'joey'],
    thomas: ['tom', 'tommy'],
    charles: ['charlie'],
    elizabeth: ['liz', 'beth', 'betty', 'eliza'],
    margaret: ['peggy', 'maggie', 'meg'],
    katherine: ['kate', 'katie', 'catherine', 'kathryn'],
    daniel: ['dan', 'danny'],
    david: ['dave'],
    anthony: ['tony'],
    christopher: ['chris'],
    samuel: ['sam'],
    steven: ['steve', 'stephen'],
    edward: ['ed', 'eddie'],
    // Names of their own that a consonant skeleton would merge with one above (Amr/Omar).
    amr: ['amru'],
    sulayman: ['sulaiman', 'suleiman', 'soliman', 'suliman', 'suleyman'],
    salman: ['selman'],
  })
    .concat(Object.entries(NICKNAMES), Object.entries(BELARUSIAN_GIVEN_NAMES))
    .flatMap(([key, forms]) => forms.map((f) => [f, key] as [string, string])),
);

/**
 * The same given name in the other languages of Europe (Juan and Jean for John, Pyotr and
 * Pierre for Peter): one person's name as another country writes it, not a spelling of it, so
 * it counts a little less than one (a two-word name then needs its other word exact).
 */
const FOREIGN_FORMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    john: ['juan', 'jean', 'johann', 'johannes', 'johan', 'giovanni', 'joao', 'jon'],
    peter: ['pedro', 'pierre', 'pietro', 'piotr', 'pyotr', 'petr', 'petro', 'pieter'],
    paul: ['pablo', 'paolo', 'pavel', 'pavlo', 'pawel', 'paulo'],
    michael: ['mikhail', 'miguel', 'michel', 'michele', 'michal', 'mihail', 'mikael'],
    joseph: ['jose', 'josef', 'giuseppe', 'iosif', 'jozef'],
    georgiy: ['george', 'jorge', 'georg', 'giorgio', 'georgy', 'georgi', 'jerzy'],
    william: ['guillermo', 'guillaume', 'wilhelm', 'willem'],
    henry: ['henri', 'enrique', 'heinrich', 'enrico', 'henrique', 'hendrik'],
    charles: ['carlos', 'carlo', 'karl', 'carl', 'karel'],
    thomas: ['tomas', 'tomasz', 'tommaso'],
    matthew: ['mateo', 'matteo', 'matthias', 'mathieu', 'matvey', 'mateusz'],
    andrey: ['andrew', 'andres', 'andreas', 'andrzej'],
    nikolay: ['nicholas', 'nicolas', 'nicola', 'mikolaj', 'nikolaus'],
    steven: ['stefan', 'stepan', 'esteban', 'stefano', 'stephan'],
    anthony: ['antonio', 'anton', 'antoine', 'antoni'],
    daniel: ['daniil', 'danila'],
    david: ['davide', 'dawid'],
    gregory: ['grigoriy', 'grigory', 'gregor', 'gregorio', 'grzegorz'],
    vincent: ['vincenzo', 'vicente'],
    katherine: ['ekaterina', 'yekaterina', 'katarzyna', 'caterina', 'katharina'],
    elena: ['helen', 'helena', 'yelena', 'jelena', 'olena', 'helene'],
    vladimir: ['wlodzimierz', 'vladimiro'],
  }).flatMap(([key, forms]) => forms.map((f) => [f, key] as [string, string])),
);

/** The name a given name is in the languages of Europe ("pyotr" -> peter), or its table form. */
export function foreignForm(word: string): string {
  const form = givenNameForm(word);
  return FOREIGN_FORMS.get(form) ?? form;
}

/** One spelling of a given name that has many ("mohammed" -> muhammad), or the word itself. */
export function givenNameForm(word: string): string {
  return GIVEN_NAME_FORMS.get(word) ?? word;
}

/** True for a given name in the table above: it compares by its table form only. */
export function isKnownGivenName(word: string): boolean {
  return GIVEN_NAME_FORMS.has(word) || KNOWN_FORMS.has(word) || FOREIGN_FORMS.has(word);
}

const KNOWN_FORMS: ReadonlySet<string> = new Set(GIVEN_NAME_FORMS.values());

// Digits typed for the letters they resemble ("Ig0r Sech1n").
const LEET: ReadonlyMap<string, string> = new Map([
  ['0', 'o'],
  ['1', 'i'],
  ['3', 'e'],
  ['4', 'a'],
  ['5', 's'],
  ['7', 't'],
  ['8', 'b'],
  ['9', 'g'],
]);

function unLeet(word: string): string {
  if (!/[a-z]/.test(word) || !/[0-9]/.test(word)) return word;
  return word.replace(/[0-9]/g, (d) => LEET.get(d) ?? d);
}

/**
 * Words run together in camel case split apart ("FridrichBuchenberg"): each part three
 * letters or more, so McDonald, LeBron and DeLuca stay whole.
 */
function unglue(text: string): string {
  return text.replace(/\b([A-Z][a-z]{2,})(?=[A-Z][a-z]{2,})/g, '$1 ');
}

/**
 * The words of a person's name as they are compared: any script transliterated, titles
 * dropped, particles in one spelling, digit look-alikes read as letters, initials run
 * together split. A repeated word is kept ("Chang Chang-ha"); alignment weighs it once.
 */
export function nameTokens(name: string): string[] {
  name = name.replace(ABBREVIATED_TITLE, '');
  const out: string[] = [];
  // A doubled syllable is one given name ("Hui-hui" is Huihui), not a repeated word.
  const ascii = unglue(toAscii(name)).replace(/\b([a-z]+)-\1\b/gi, '$1$1');
  const words = foldText(ascii).split(' ');
  const abjad = ABJAD.test(name);
  const typedWord = mistypedSyllable(ascii, words);
  for (const [at, raw] of words.entries()) {
    // A title precedes the name: a title word after a word of the name (al-Sayyid, Ahmad Haji)
    // or ending it (Saduddin Sayed) is a word of it.
    // A title that follows a name (the Hungarian elnök) is dropped there.
    if (raw === '' || (TITLES.has(raw) && (out.length === 0 || SUFFIXES.has(raw)))) continue;
    // "Ben Netanyahu": a name's first word is a given name, not "son of".
    const first = out.length === 0 && words.length > 1 && !name.includes(',');
    const particle = PARTICLE_FORMS.get(raw) ?? (assimilated(raw, words[at + 1]) ? 'al' : raw);
    const word = unLeet(first && raw === 'ben' ? raw : particle);
    // Initials run together ("JC Juncker"): two or three consonants are two or three initials,
    // except in a name from a script that writes no short vowels (عبد is bd, حسن hsn), and
    // in a Korean name with a syllable's vowel lost to a typo (Kim Yong Chl, Km Il Sung).
    if (INITIALS.test(word) && word !== 'ng' && !abjad && !typedWord(word)) out.push(...word);
    else out.push(word);
  }
  return compounds(out);
}

const INITIALS = /^[b-df-hj-np-tv-xz]{2,3}$/;

/** The article written as the sun letter it is said as (az-Zawahiri, ash-Shami, at-Tikriti). */
const ASSIMILATED = /^[ae](t|th|d|dh|r|z|s|sh)$/;

/**
 * True when a word is the article assimilated to the next word's first letter: al, as the
 * other spellings write it. Not before the second half of a compound (ad-Din, ar-Rahman), which
 * `compounds` reads; not an, a Korean, Chinese and Vietnamese name (An Nam).
 */
function assimilated(word: string, next: string | undefined): boolean {
  const letter = ASSIMILATED.exec(word)?.[1];
  if (letter === undefined || next === undefined || SECOND_HALF.has(next)) return false;
  return next.startsWith(letter) && next.length > letter.length + 2;
}

// Words recur from one name to the next: each one's reading is kept once made (bounded).
const koreanWords = new Map<string, boolean>();

/** True when a word is one to three syllables that Korean romanizations write. */
export function koreanWord(word: string): boolean {
  let known = koreanWords.get(word);
  if (known !== undefined) return known;
  const parts = syllables(surnameVariant(word));
  known = parts.length > 0 && parts.length <= 3 && parts.every(isKoreanSyllable);
  if (koreanWords.size >= 100_000) koreanWords.clear();
  koreanWords.set(word, known);
  return known;
}

/**
 * Which consonant-only words of a name are a Korean syllable with its vowel dropped or mistyped
 * (Chl for Chol, Km or Kbm for Kim) rather than initials: the other words, one to three, all
 * read as Korean, and the word is not written in capitals inside a name in lower case (the way
 * initials are written: JH Lee). Read as initials, such a word meets other persons' initials
 * (Kim Yong Chl scored 0.97 on Kim Yo'ng-chu) and misses the one it was typed for.
 */
function mistypedSyllable(ascii: string, words: readonly string[]): (word: string) => boolean {
  const typed = words.filter((w) => INITIALS.test(w) && w !== 'ng');
  if (typed.length !== 1 || words.length < 2 || words.length > 4) return () => false;
  if (!words.every((w) => w === typed[0] || koreanWord(w))) return () => false;
  const allCaps = !/[a-z]/.test(ascii);
  const capitals = new Set(ascii.match(/\b[A-Z]{2,3}\b/g)?.map((w) => w.toLowerCase()));
  return (word) => word === typed[0] && (allCaps || !capitals.has(word));
}

/** "Abd" in its spellings before the word it joins (Abdul Rahman, Abd al-Rahman). */
const ABD = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdur', 'abdus', 'abdoul']);
/** Abd glued to its word, the article assimilated or not (Abdurrahman, Abdelaziz, Abdikarim). */
const ABD_GLUED = /^abd(?:oul|ul|el|al|ol|ur|ar|ir|er|us|as|ud|ad|un|an|u|e|i|a)?([a-z]{3,})$/;
/** Second halves of compound names that follow a word (Nasir ud-Din, Shams ur-Rahman, Zia ul-Haq). */
const SECOND_HALF: ReadonlyMap<string, string> = new Map([
  ['din', 'din'],
  ['deen', 'din'],
  ['dine', 'din'],
  ['rahman', 'rahman'],
  ['rehman', 'rahman'],
  ['rahmane', 'rahman'],
  ['haq', 'haq'],
  ['haque', 'haq'],
  ['islam', 'islam'],
]);
/** The article between the halves, as the compound spellings write it (al-, ud-, ur-, ul-, ...). */
const JOINS = new Set(['al', 'ud', 'ur', 'ul', 'us', 'ad', 'ar', 'ed', 'er', 'u', 'e', 'i']);
/** A second half glued on (Nasiruddin, Shamsurrahman, Saifeddine, Ziaulhaq). */
const SECOND_GLUED =
  /^([a-z]{3,}?)(?:oud|ud|ad|ed|id|al|el|ul|ur|ar|er|u|e|i|a)?(din|deen|dine|rahman|rehman|rahmane|haq|haque|islam)$/;

/**
 * Arabic and Urdu compound given names spelled one way, however they are spaced: Abd al-Rahman,
 * Abdel Rahman and Abdurrahman read "abdul rahman" or "abdulrahman", Nasir ud-Din and
 * Nasiruddin "nasir din" or "nasirdin" (alignment joins the split halves to the glued form;
 * "Abdul" alone stays a word of its own). Abdallah and its spellings keep their table form.
 */
function compounds(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const join = JOINS.has(words[i + 1] ?? '') && i + 2 < words.length;
    if (ABD.has(w)) {
      const at = join ? i + 2 : i + 1;
      // Abd Allah is Abdallah, one name.
      if (/^u?l?lah$|^allah$/.test(words[at] ?? '')) {
        out.push('abdallah');
        i = at;
        continue;
      }
      out.push('abdul');
      if (join && words[i + 2]!.length >= 3) i++;
      continue;
    }
    if (join && SECOND_HALF.has(words[i + 2]!) && w.length >= 3 && !PARTICLES.has(w)) {
      out.push(w);
      i++;
      continue;
    }
    out.push(glued(w));
  }
  return out.map((w) => SECOND_HALF.get(w) ?? w);
}

function glued(word: string): string {
  if (GIVEN_NAME_FORMS.has(word) || KNOWN_FORMS.has(word)) return word;
  const abd = ABD_GLUED.exec(word);
  if (abd && !/^l?lah/.test(abd[1]!)) return `abdul${abd[1]}`;
  const second = SECOND_GLUED.exec(word);
  if (second) return second[1]! + SECOND_HALF.get(second[2]!)!;
  return word;
}

/** True when a name starts with a title or honorific (Mr., Dr., President). */
export function titled(name: string): boolean {
  if (ABBREVIATED_TITLE.test(name)) return true;
  const words = foldText(toAscii(name)).split(' ');
  const first = words[0];
  // Hungarian puts the title after the name (Putyin elnök).
  return (first !== undefined && TITLES.has(first)) || words.at(-1) === 'elnok';
}

/** Common Korean surnames in their usual romanizations (after `surnameVariant`). */
const KOREAN_SURNAMES = new Set([
  'kim',
  'gim',
  'ri',
  'pak',
  'choe',
  'jong',
  'chong',
  'jeong',
  'jung',
  'cheong',
  'kang',
  'gang',
  'ko',
  'go',
  'koh',
  'o',
  'han',
  'yun',
  'jang',
  'chang',
  'cho',
  'jo',
  'sin',
  'shin',
  'im',
  'yu',
  'kwon',
  'hwang',
  'an',
  'ahn',
  'song',
  'mun',
  'moon',
  'son',
  'sohn',
  'pae',
  'bae',
  'paek',
  'baek',
  'hong',
  'ho',
  'yom',
  'nam',
  'sim',
  'shim',
  'ha',
  'chu',
  'ju',
  'joo',
  'u',
  'ra',
  'yang',
  'chon',
  'jon',
  'jeon',
  'chun',
  'kye',
  'so',
  'seo',
  'suh',
  'pyon',
  'byun',
  'won',
  'hyon',
  'hyun',
  'cha',
  'kil',
  'gil',
  'ma',
  'no',
  'ok',
  'pang',
  'bang',
  'ryom',
  'sok',
  'tak',
  'to',
  'ryo',
  'yon',
  'ji',
  'chi',
  'min',
  'kal',
  'kong',
  'gong',
  'kum',
  'keum',
  'chae',
  'yeo',
  'kyon',
  'kyong',
  'kuk',
  'ka',
  'kan',
  'kok',
  'ku',
  'koo',
  'kun',
]);

/**
 * A word spelled as a Korean surname: the list above or the romanization tables
 * (`korean-surnames.ts`: Paik, Choo, Cheon...). Li is left to Chinese names (Li Wei).
 */
function koreanSurname(word: string): boolean {
  return (
    KOREAN_SURNAMES.has(surnameVariant(word)) ||
    (word !== 'li' && surnamesSpelled(word) !== undefined)
  );
}

/**
 * How many syllables of a name are no Korean ones, when it otherwise reads as a romanized
 * Korean name (a Korean surname unless `surname` is false, two to four words of at most three
 * syllables); undefined when it does not.
 */
export function koreanTypos(tokens: readonly string[], surname = true): number | undefined {
  if (tokens.length < 2 || tokens.length > 4) return undefined;
  if (surname && !tokens.some(koreanSurname)) return undefined;
  let invalid = 0;
  for (const t of tokens) {
    const parts = syllables(surnameVariant(t));
    if (parts.length > 3) return undefined;
    invalid += parts.filter((p) => !isKoreanSyllable(p)).length;
  }
  return invalid;
}
