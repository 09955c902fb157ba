import type { ListEntry } from '../lists/types.ts';
import { consonantKeys, consonantKeysNeeded, consonantKeysNeededFor } from './abjad.ts';
import { otherSurnameReadings } from './cantonese.ts';
import { chineseWord, heardKey } from './chinese.ts';
import { cyrillicKeys } from './cyrillic.ts';
import { gimAsJ, scrambleKey, skeleton, transliterated } from './fuzzy.ts';
import { otherSexForms } from './gender.ts';
import { hepburnKey } from './hepburn.ts';
import { entitySimilarity, entityTokens, personKeys } from './names.ts';
import { wildcardKeys } from './one-edit.ts';
import { koreanTypo, nameSimilarity, type PreparedName, prepareName } from './person.ts';
import { soundKey } from './phonetic.ts';
import { jReadings, slavicKeys } from './slavic.ts';
import { foreignForm, givenNameForm, isKnownGivenName, koreanWord, PARTICLES } from './tokens.ts';

/** One spelling (name or alias) of a listed person or entity, prepared for matching. */
interface Variant {
  readonly entry: ListEntry;
  readonly name: string;
  /** Distinctive words (entities). */
  readonly keys: readonly string[];
  /** Words and syllables (persons). */
  readonly person?: PreparedName;
}

/** A listed person or entity whose name is close to the one asked about. */
export interface NameCandidate {
  readonly entry: ListEntry;
  /** The listed spelling that matched best. */
  readonly listedName: string;
  /** The spelling asked about that matched it. */
  readonly queriedName: string;
  /** Name similarity in [0, 1], before corroboration. */
  readonly similarity: number;
}

type Kind = 'person' | 'entity';
/** Keys to index and look up; `groups`: the keys of each word, for counting shared words. */
type Prepared = {
  keys: readonly string[];
  groups: readonly (readonly string[])[];
  /** Groups a candidate must share with the name. */
  needed: number;
  person?: PreparedName;
  /** A Latin query's consonant pieces, to find names written in Arabic script. */
  abjadGroups?: readonly (readonly string[])[];
  abjadNeeded?: number;
  /** Words of a name in Arabic script, to find the same words in another order, and how many. */
  wordGroups?: readonly (readonly string[])[];
  wordsNeeded?: number;
  /** A Latin query's words by sound, to find names written by sound in katakana or Chinese. */
  soundGroups?: readonly (readonly string[])[];
};

/** Words of the query a listed spelling must share a key with to be scored at all. */
const MIN_SHARED_WORDS = 2;

/** Shortest word whose one-letter-deleted forms are indexed (shorter words allow no typo). */
const MIN_TYPO_WORD = 4;

/**
 * The word and each form of it with one letter deleted: two words one edit apart share one
 * of these (SymSpell's trick), so a typo still finds its candidates without scanning the list.
 */
function deletionKeys(word: string): string[] {
  if (word.length < MIN_TYPO_WORD) return [];
  const out = new Set([`d:${word}`]);
  for (let i = 0; i < word.length; i++) out.add(`d:${word.slice(0, i)}${word.slice(i + 1)}`);
  return [...out];
}

/**
 * A short Korean word and its forms with one letter deleted, two letters at least, in a key
 * space of their own: only a Korean name with a typo looks them up (Rru Jin and Ryu Jin share
 * "ru"), so Latin names (Lima, Chen) do not meet every listed Kim and Lim.
 */
function shortDeletionKeys(word: string): string[] {
  if (word.length < 2 || word.length > MIN_TYPO_WORD) return [];
  const out = new Set([`ks:${word}`]);
  for (let i = 0; i < word.length; i++) {
    const rest = `${word.slice(0, i)}${word.slice(i + 1)}`;
    if (rest.length >= 2) out.add(`ks:${rest}`);
  }
  return [...out];
}

/**
 * Korean words run together (KimYo Jong, Pak Chunil): a listed Korean name posts each pair of
 * adjacent words joined, and a query looks each of its Korean words up there. Syllabification
 * splits "kimyo" as ki-myo, so its syllable keys do not meet Kim and Yo; the word view rejoins
 * them once found. (Looking the halves up as words instead made every query with Kim in it
 * score the list's Kims: a third fewer names screened per second.)
 */
function gluedKeys(words: readonly string[], query: boolean): string[] {
  if (query) return words.filter((w) => w.length >= 4 && koreanWord(w)).map((w) => `g:${w}`);
  return words.slice(1).map((w, i) => `g:${words[i]}${w}`);
}

/** The consonant skeleton of a longer word (Jassem and Jasim are two edits but one skeleton). */
function skeletonKeys(word: string): string[] {
  const k = word.length >= MIN_TYPO_WORD + 1 ? skeleton(word) : '';
  return k.length >= 3 ? [`k:${k}`] : [];
}

/**
 * Syllable keys of a word of a Chinese name (Wade-Giles and Pinyin spellings share them):
 * listed names post them by spelling, so a Pinyin query meets Wade-Giles names only, and a
 * Wade-Giles one both (two Pinyin names are compared as written).
 */
function chineseKeys(word: string, wadeGiles: boolean, query: boolean): string[] {
  const keys = chineseWord(word)?.keys ?? [];
  // And as heard (Shi Jinpin for Xi Jinping), in a key space every spelling shares.
  const heard = keys.map((k) => `ch:${heardKey(k)}`);
  if (!query) return [...keys.map((k) => (wadeGiles ? `c:${k}` : `cp:${k}`)), ...heard];
  const spelled = wadeGiles
    ? keys.flatMap((k) => [`c:${k}`, `cp:${k}`])
    : keys.map((k) => `c:${k}`);
  return [...spelled, ...heard];
}

/** A word written backwards, looked up as written and with one letter more or less. */
function reversedKeys(word: string): string[] {
  if (word.length < MIN_TYPO_WORD) return [];
  const back = [...word].reverse().join('');
  return [`w:${back}`, `d:${back}`];
}

/** A word's scramble key, and for a query its reversed word's too (rimaldiV for Vladimir). */
function scrambleKeys(word: string, query: boolean): string[] {
  const key = scrambleKey(word);
  if (key === '') return [];
  return query ? [`a:${key}`, `a:${scrambleKey([...word].reverse().join(''))}`] : [`a:${key}`];
}

/**
 * A word with its transliteration letters folded (Dayf and Deif both daif), when folding
 * changes it: a query also looks the folded form up as a word (Harith finds Haris). Table given
 * names are left out: their table form finds their spellings, and their postings are long.
 */
/**
 * A query word of five letters or more with a g looks up its Egyptian g read as j (Magdy finds
 * MAJDI), one with a j its j as g (Jamal finds GAMAL) and, as a typo would, among the one-letter-
 * deleted forms (Najib finds NAGUIB through nagib), the folded forms and the skeletons (Hijazi
 * finds HEGAZI).
 */
function gimKeys(word: string): string[] {
  if (word.length < 5 || (!word.includes('j') && !/g(?!h)/.test(word))) return [];
  if (word.includes('j')) {
    const g = word.replace(/j/g, 'g');
    return [`w:${g}`, `d:${g}`, `t:${transliterated(g)}`, ...skeletonKeys(g)];
  }
  const j = gimAsJ(word);
  return [`w:${j}`, `w:${transliterated(j)}`, `t:${transliterated(j)}`, ...skeletonKeys(j)];
}

/**
 * A Japanese word's romanization key (see `hepburn.ts`): a listed word posts it when it differs
 * from the word, a query looks it up as a key and as a word (Itou finds ITO, Ito finds ITOU).
 * A query's Cantonese or Pinyin surname looks up the other reading's spellings (Chan, CHEN).
 */
function romanizationKeys(word: string, query: boolean): string[] {
  const key = hepburnKey(word);
  const keys = key === '' || (!query && key === word) ? [] : [`jp:${key}`];
  if (!query) return keys;
  if (key !== '' && key !== word) keys.push(`w:${key}`);
  for (const other of otherSurnameReadings(word)) keys.push(`w:${other}`);
  return keys;
}

/**
 * A query word read against the other spelling of ق (see `sameQaf` in `fuzzy.ts`): one with gh,
 * g or kh looks up its folded form with them as k, as a q spelling posts it (Dehghan finds
 * DEHQAN); one with a q looks up its q written gh, g, k and kh (Dehqan finds DEHGHAN).
 */
function qafKeys(word: string): string[] {
  if (word.length < 4) return [];
  if (word.includes('q'))
    return ['gh', 'g', 'k', 'kh'].map((letters) => `w:${word.replace(/q/g, letters)}`);
  if (!/kh|gh|g/.test(word)) return [];
  return [`t:${transliterated(word).replace(/kh|gh|g/g, 'k')}`];
}

function foldedKeys(word: string, query: boolean): string[] {
  if (word.length < 3 || isKnownGivenName(word)) return [];
  const folded = transliterated(word);
  if (folded === word) return [];
  return query ? [`t:${folded}`, `w:${folded}`] : [`t:${folded}`];
}

interface KeyOptions {
  /** Its consonants too, so a name in Arabic script meets its Latin spellings. */
  readonly consonants: boolean;
  /** A name asked about: also its words written backwards. */
  readonly query: boolean;
  /** Its words' sound keys too, so a Latin name meets names written by sound. */
  readonly sounds?: boolean;
}

/** Keys of a name; listed names get consonant keys always, a query when the list has abjad names. */
function prepare(kind: Kind, name: string, o: KeyOptions): Prepared {
  if (kind === 'entity') {
    const keys = entityTokens(name);
    return { keys, groups: keys.map((k) => [k]), needed: Math.min(MIN_SHARED_WORDS, keys.length) };
  }
  const person = prepareName(name);
  const consonants = person.abjad || o.consonants ? consonantKeys(name) : [];
  // A name in Arabic script is found by its consonants alone, each piece one group.
  // Two names in the script also meet by their words, whatever their order (حسن محمد, محمد حسن).
  if (person.abjad) {
    const groups = consonants.map((k) => [k]);
    const wordGroups = person.tokens.map((w) => [`aw:${w}`]);
    return {
      keys: [...consonants, ...wordGroups.flat()],
      groups,
      needed: consonantKeysNeededFor(name),
      person,
      wordGroups,
      wordsNeeded: Math.min(MIN_SHARED_WORDS, wordGroups.length),
    };
  }
  // Korean words are short: a listed Korean name, and a name asked about that reads as one
  // with a typo, post their two- and three-letter words' deletions too ("Rru Jin", "Ryu Jin").
  const shortTypos = o.query ? koreanTypo(person) : person.koreanTypos === 0;
  // Three-letter words post each letter as a wildcard (Tom, Tim: see one-edit.ts), but in Korean
  // and Chinese names, whose syllables one letter apart are other syllables.
  const syllabic = person.koreanTypos === 0 || person.chinese !== undefined;
  const korean = (person.koreanShapeTypos ?? 2) <= 1;
  const groups = person.tokens.map((w) => [
    `w:${w}`,
    `w:${givenNameForm(w)}`,
    `w:${foreignForm(w)}`,
    ...personKeys(w),
    ...deletionKeys(w),
    ...(shortTypos ? shortDeletionKeys(w) : []),
    ...(syllabic ? [] : wildcardKeys(w)),
    ...skeletonKeys(w),
    ...slavicKeys(w),
    ...(o.query ? reversedKeys(w) : []),
    ...(o.query ? jReadings(w).map((r) => `d:${r}`) : []),
    // The other sex's form of a family name, as the listed word it may be (Smirnova, Smirnov).
    ...(o.query ? otherSexForms(w).map((f) => `w:${f}`) : []),
    ...scrambleKeys(w, o.query),
    ...foldedKeys(w, o.query),
    ...(o.query ? gimKeys(w) : []),
    ...(o.query ? qafKeys(w) : []),
    ...romanizationKeys(w, o.query),
    ...(person.chinese ? chineseKeys(w, person.chinese.wadeGiles, o.query) : []),
    ...(o.query && korean ? gluedKeys([w], true) : []),
  ]);

  for (const view of person.syllableViews.slice(1)) groups.push(view.map((s) => s.key));
  // Initials find candidates but count as no word: "V. Putin" needs only Putin.
  const initials = person.tokens.filter((w) => w.length === 1).length;
  const needed = Math.max(1, Math.min(MIN_SHARED_WORDS, groups.length - initials));
  const keys = [...new Set(groups.flat())];
  // Two names in Cyrillic also meet by their words as written, a letter mistyped or not.
  const cyrillic = person.cyrillic?.map(cyrillicKeys);
  if (!o.query) {
    const own = [...consonants, ...soundKeys(person), ...(cyrillic?.flat() ?? [])];
    if (person.koreanTypos === 0) own.push(...gluedKeys(person.tokens, false));
    return { keys: [...keys, ...own], groups, needed, person };
  }
  // A foreign name written by sound shares no letters with its Latin spelling, only a word's
  // sound key (one is enough: the other may be a consonant off).
  if (person.foreign) {
    const sounds = person.foreign.map((k) => [`f:${k}`]);
    return { keys: [...keys, ...sounds.flat()], groups: [...groups, ...sounds], needed: 1, person };
  }
  // A Latin query meets names in Arabic script through their shared pieces only.
  const abjadGroups = consonants.map((k) => [k]);
  return {
    keys,
    groups,
    needed,
    person,
    soundGroups: o.sounds ? soundKeys(person).map((k) => [k]) : undefined,
    wordGroups: cyrillic,
    wordsNeeded: cyrillic ? Math.min(MIN_SHARED_WORDS, cyrillic.length) : undefined,
    abjadGroups,
    abjadNeeded: consonantKeysNeeded(abjadGroups.length),
  };
}

/** Sound keys of a Latin name's words, for names written by sound to find it. */
function soundKeys(person: PreparedName): string[] {
  if (person.characters.length > 0) return person.foreign?.map((k) => `f:${k}`) ?? [];
  return person.tokens.filter((w) => !PARTICLES.has(w)).map((w) => `f:${soundKey(w)}`);
}

/**
 * Letters with a háček or an acute as Czech, Slovak, Croatian, Serbian, Slovene and Lithuanian
 * write them, and English transliteration spells them (Vučić, Vuchich; Šojgu, Shoigu; Kim
 * Čong-un, Kim Chong-un), with the Turkish and Romanian ş (Şahin, Shahin) and Azerbaijani ə.
 * Dropping the mark, as ASCII folding does, gives the other common spelling (Vucic): a person's
 * name holding them is indexed and looked up both ways.
 */
const HACEK: readonly [RegExp, string][] = [
  [/[čć]/g, 'ch'],
  [/[ČĆ]/g, 'Ch'],
  [/[šşș]/g, 'sh'],
  [/[ŠŞȘ]/g, 'Sh'],
  [/ž/g, 'zh'],
  [/Ž/g, 'Zh'],
  // Azerbaijani ə is the a of English spellings (Rəşad Nəbiyev, Rashad Nabiyev), not an e.
  [/ə/g, 'a'],
  [/Ə/g, 'A'],
];
const HACEK_LETTERS = /[čćČĆšŠžŽşșŞȘəƏ]/;

/**
 * The cedilla's c inside a word is an s in Portuguese, French and Catalan names (Idriça for
 * Idrissa, Françoise) and ch in Turkish and Azerbaijani ones: folded to c it is neither, so a
 * name holding it is also indexed and looked up with it as s (the ch is read by the Slavic
 * rules). At a word's start it is only ever Turkish (Çelik is not Selik).
 */
const CEDILLA = /(?<=\p{L})ç/gu;
const HAS_CEDILLA = /\p{L}ç/u;

/**
 * The spellings a name is indexed and looked up by: each of several written in one field with
 * semicolons (Qasim Soleimani; Qasem Sulaimani), as written, with háčeks, the Turkish and
 * Romanian ş and the Azerbaijani ə spelled out, and with a cedilla's ç as s.
 */
function spellingsOf(kind: Kind, name: string): readonly string[] {
  if (kind !== 'person') return [name];
  const names = name.includes(';') ? name.split(/\s*;\s*/).filter((n) => n !== '') : [name];
  const out: string[] = [];
  for (const n of names) {
    out.push(n);
    if (HACEK_LETTERS.test(n)) out.push(HACEK.reduce((t, [from, to]) => t.replace(from, to), n));
    if (HAS_CEDILLA.test(n)) out.push(n.replace(CEDILLA, 's'));
  }
  return out;
}

function post(postings: Map<string, number[]>, key: string, at: number): void {
  const list = postings.get(key);
  if (list) list.push(at);
  else postings.set(key, [at]);
}

/**
 * Names of listed persons and entities, indexed by syllable key and word, so a query
 * scores only the entries that share at least one of them with it.
 */
export class NameIndex {
  private readonly variants: Record<Kind, Variant[]> = { person: [], entity: [] };
  private readonly postings: Record<Kind, Map<string, number[]>> = {
    person: new Map(),
    entity: new Map(),
  };
  /** Consonant pieces of the spellings in Arabic script only: a Latin query looks there. */
  private readonly abjadPostings = new Map<string, number[]>();
  /** Sound keys of the spellings written by sound only (katakana, Chinese with ·). */
  private readonly soundPostings = new Map<string, number[]>();

  constructor(entries: readonly ListEntry[]) {
    for (const entry of entries) {
      if (entry.kind === 'person') this.add('person', entry);
      else if (entry.kind === 'entity' || entry.kind === 'unknown') this.add('entity', entry);
    }
  }

  private add(kind: Kind, entry: ListEntry): void {
    for (const name of new Set([entry.name, ...entry.aliases])) {
      for (const spelled of spellingsOf(kind, name)) this.addSpelling(kind, entry, name, spelled);
    }
  }

  /** One spelling of a listed name, reported as `name`. */
  private addSpelling(kind: Kind, entry: ListEntry, name: string, spelled: string): void {
    const p = prepare(kind, spelled, { consonants: true, query: false });
    if (p.keys.length === 0) return;
    if (p.person?.abjad) this.abjad = true;
    const at = this.variants[kind].push({ entry, name, ...p }) - 1;
    for (const key of new Set(p.keys)) post(this.postings[kind], key, at);
    if (p.person?.abjad) for (const key of p.keys) post(this.abjadPostings, key, at);
    if (p.person?.foreign) {
      this.sounds = true;
      for (const key of soundKeys(p.person)) post(this.soundPostings, key, at);
    }
  }

  /** True once a listed person is spelled in Arabic, Persian, Urdu or Hebrew script. */
  private abjad = false;
  /** True once a listed person is written by sound in katakana or Chinese characters. */
  private sounds = false;

  // Scratch counters for candidate search, reset after each query (no allocation per query).
  private counts = new Int32Array(0);
  private lastGroup = new Int32Array(0);

  /** How many listed persons' spellings hold this word. */
  private readonly frequency = (word: string): number =>
    this.postings.person.get(`w:${word}`)?.length ?? 0;

  /** Similarity of a prepared query and a variant. */
  private similarity(kind: Kind, q: Prepared, v: Variant): number {
    if (kind === 'entity') return entitySimilarity(q.keys, v.keys);
    return nameSimilarity(q.person!, v.person!, this.frequency);
  }

  /** Number of indexed spellings (persons + entities). */
  get size(): number {
    return this.variants.person.length + this.variants.entity.length;
  }

  /** Listed persons whose name is at least `min` similar to one of `names`, best first. */
  matchPersons(names: readonly string[], min: number): NameCandidate[] {
    return this.search('person', names, min);
  }

  /** Listed entities whose name is at least `min` similar to one of `names`, best first. */
  matchEntities(names: readonly string[], min: number): NameCandidate[] {
    return this.search('entity', names, min);
  }

  private search(kind: Kind, names: readonly string[], min: number): NameCandidate[] {
    const best = new Map<ListEntry, NameCandidate>();
    for (const queried of names) {
      for (const spelled of spellingsOf(kind, queried))
        this.searchSpelling(kind, queried, spelled, min, best);
    }
    return [...best.values()].sort((a, b) => b.similarity - a.similarity);
  }

  /** Candidates of one spelling of a name asked about, kept in `best` by listed entry. */
  private searchSpelling(
    kind: Kind,
    queried: string,
    spelled: string,
    min: number,
    best: Map<ListEntry, NameCandidate>,
  ): void {
    const q = prepare(kind, spelled, {
      consonants: this.abjad,
      query: true,
      sounds: this.sounds,
    });
    for (const at of this.candidatesOf(kind, q)) {
      const v = this.variants[kind][at]!;
      const s = this.similarity(kind, q, v);
      if (s < min || (best.get(v.entry)?.similarity ?? -1) >= s) continue;
      best.set(v.entry, {
        entry: v.entry,
        listedName: v.name,
        queriedName: queried,
        similarity: s,
      });
    }
  }

  /** Candidates by words, and for a Latin query the names in Arabic script by consonants. */
  private candidatesOf(kind: Kind, q: Prepared): number[] {
    const found = this.candidates(this.postings[kind], kind, q.groups, q.needed);
    if (q.soundGroups) found.push(...this.candidates(this.soundPostings, kind, q.soundGroups, 1));
    if (q.wordGroups) {
      const needed = q.wordsNeeded ?? 1;
      found.push(...this.candidates(this.postings[kind], kind, q.wordGroups, needed));
    }
    if (!q.abjadGroups) return found;
    const needed = q.abjadNeeded ?? 1;
    return [...found, ...this.candidates(this.abjadPostings, kind, q.abjadGroups, needed)];
  }

  /**
   * Variants sharing something with at least two of the query's words (with one, for a
   * one-word query, initials not counted): a single shared word ("Kim", "Mohammad") would
   * make half the list a candidate.
   */
  private candidates(
    postings: ReadonlyMap<string, readonly number[]>,
    kind: Kind,
    groups: readonly (readonly string[])[],
    needed: number,
  ): number[] {
    const size = this.variants[kind].length;
    if (this.counts.length < size) {
      this.counts = new Int32Array(size);
      this.lastGroup = new Int32Array(size).fill(-1);
    }
    const { counts, lastGroup } = this;
    const touched: number[] = [];
    groups.forEach((group, g) => {
      for (const key of group) {
        for (const at of postings.get(key) ?? []) {
          if (lastGroup[at] === g) continue;
          if (lastGroup[at] === -1) touched.push(at);
          lastGroup[at] = g;
          counts[at]!++;
        }
      }
    });
    const out = touched.filter((at) => counts[at]! >= needed);
    for (const at of touched) {
      counts[at] = 0;
      lastGroup[at] = -1;
    }
    return out;
  }
}
