/**
 * Korean names reach payroll in many romanizations: McCune-Reischauer ("Chong In-chol"),
 * Revised Romanization ("Jeong In-cheol"), informal ("Jung Inchul"), in any word order.
 * Each syllable is reduced to a key that those spellings share; names then compare as
 * multisets of syllable keys, so word order and hyphens stop mattering.
 */

/**
 * Whole-word spellings of surnames that no letter rule unifies, from the usual romanization
 * tables (이 = Lee/Yi/Ri/Rhee, 계 = Kye/Kae/Kay/Gye, 권 = Kwon/Kwan/Gwon). A Map, so that a
 * word such as "constructor" or "__proto__" finds nothing.
 */
const WORD_VARIANTS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ri: ['lee', 'yi', 'i', 'rhee', 'rhie', 'yee', 'yie', 'rie', 'ree', 'leigh'],
    pak: ['park', 'bak', 'pack', 'bahk', 'parke', 'bark'],
    choe: ['choi', 'chwe', 'choy', 'chey', 'choe'],
    o: ['oh', 'ooh'],
    yu: ['ryu', 'yoo', 'ryoo', 'you', 'rhyu', 'yuh'],
    no: ['noh', 'roh', 'ro', 'rho'],
    im: ['lim', 'rim', 'yim', 'leem'],
    yang: ['ryang'],
    kye: ['kae', 'kay', 'keh', 'key', 'gae', 'gye', 'kei', 'kie'],
    kwon: ['kwan', 'gwon', 'kweon', 'kwun'],
    yom: ['yeom', 'youm', 'yum', 'ryom', 'yeum'],
    ho: ['heo', 'hur', 'huh', 'hoh', 'her'],
    u: ['woo', 'wu', 'oo'],
    ra: ['rha', 'na', 'nah'],
    ryo: ['yeo', 'yo', 'yoh'],
    yun: ['yoon', 'youn', 'yune'],
    ryom: ['ryeom'],
  }).flatMap(([key, spellings]) => spellings.map((s) => [s, key] as [string, string])),
);

const ONSETS = [
  ['tch', 'J'],
  ['chh', 'J'],
  ['ch', 'J'],
  ['jj', 'J'],
  ['jh', 'J'],
  ['j', 'J'],
  ['kk', 'K'],
  ['gg', 'K'],
  ['kh', 'K'],
  ['k', 'K'],
  ['g', 'K'],
  ['c', 'K'],
  ['q', 'K'],
  ['tt', 'T'],
  ['th', 'T'],
  ['t', 'T'],
  ['d', 'T'],
  ['pp', 'P'],
  ['ph', 'P'],
  ['bb', 'P'],
  ['p', 'P'],
  ['b', 'P'],
  ['f', 'P'],
  ['ss', 'S'],
  ['sh', 'S'],
  ['s', 'S'],
  ['z', 'J'],
  ['x', 'S'],
  ['rh', 'L'],
  ['r', 'L'],
  ['l', 'L'],
  ['m', 'M'],
  ['n', 'N'],
  ['h', 'H'],
  ['v', 'P'],
] as const;

const NUCLEI: ReadonlyMap<string, string> = new Map(
  Object.entries({
    a: 'A',
    ah: 'A',
    ae: 'E',
    ai: 'E',
    e: 'E',
    eh: 'E',
    ay: 'E',
    ya: 'YA',
    yae: 'YE',
    ye: 'YE',
    eo: 'O',
    o: 'O',
    u: 'O',
    oo: 'O',
    eu: 'O',
    ou: 'O',
    yeo: 'YO',
    yo: 'YO',
    yu: 'YO',
    yoo: 'YO',
    you: 'YO',
    wa: 'WA',
    oa: 'WA',
    wo: 'WO',
    weo: 'WO',
    wu: 'O',
    woo: 'O',
    wae: 'WE',
    we: 'WE',
    oe: 'WE',
    oi: 'WE',
    oey: 'WE',
    wi: 'I',
    ui: 'I',
    eui: 'I',
    ee: 'I',
    i: 'I',
    yi: 'I',
    ie: 'I',
  }),
);

const CODAS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    '': '',
    ng: 'NG',
    n: 'N',
    m: 'M',
    l: 'L',
    r: 'L',
    ll: 'L',
    rl: 'L',
    k: 'K',
    g: 'K',
    kk: 'K',
    ck: 'K',
    c: 'K',
    rk: 'K',
    t: 'T',
    d: 'T',
    s: 'T',
    ch: 'T',
    tt: 'T',
    th: 'T',
    p: 'P',
    b: 'P',
    pp: 'P',
  }),
);

/** Codas tried when a consonant run sits between two vowels, longest first. */
const SPLIT_CODAS = ['ng', 'n', 'm', 'l', 'k', 'p', 't', 'r', 'g', 'b'];
const VALID_ONSETS: ReadonlySet<string> = new Set(ONSETS.map(([o]) => o));

const isVowel = (c: string | undefined) =>
  c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';

/** A letter that belongs to the nucleus: a vowel, or y/w gliding into a vowel. */
function inNucleus(word: string, i: number): boolean {
  const c = word[i];
  if (isVowel(c)) return true;
  return (c === 'y' || c === 'w') && isVowel(word[i + 1]);
}

function splitCoda(run: string): number {
  if (run.length <= 1) return 0;
  for (const coda of SPLIT_CODAS) {
    if (run.startsWith(coda) && VALID_ONSETS.has(run.slice(coda.length))) return coda.length;
  }
  return run.length - 1;
}

/** Splits one folded word into romanized syllables: "inchol" -> in, chol. */
export function syllables(word: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < word.length) {
    const start = i;
    while (i < word.length && !inNucleus(word, i)) i++;
    if (i === word.length) {
      if (out.length > 0) out[out.length - 1] += word.slice(start);
      else out.push(word.slice(start));
      break;
    }
    while (i < word.length && inNucleus(word, i)) i++;
    let end = i;
    while (end < word.length && !inNucleus(word, end)) end++;
    const coda = end === word.length ? end - i : splitCoda(word.slice(i, end));
    out.push(word.slice(start, i + coda));
    i += coda;
  }
  return out;
}

interface SyllableParts {
  readonly onset: string;
  readonly nucleus: string;
  readonly coda: string;
  /** True when every part is one the romanization tables know. */
  readonly valid: boolean;
}

function partsOf(syllable: string): SyllableParts {
  let rest = syllable;
  let onset = '';
  for (const [text, key] of ONSETS) {
    if (rest.startsWith(text) && !inNucleus(rest, 0)) {
      onset = key;
      rest = rest.slice(text.length);
      break;
    }
  }
  let n = 0;
  while (n < rest.length && inNucleus(rest, n)) n++;
  const nucleus = rest.slice(0, n);
  const coda = rest.slice(n).replace(/h/g, '');
  const nKey = NUCLEI.get(nucleus);
  const cKey = CODAS.get(coda);
  return {
    onset,
    nucleus: nKey ?? nucleus.toUpperCase(),
    coda: cKey ?? coda.toUpperCase(),
    valid: nKey !== undefined && cKey !== undefined,
  };
}

/** The spelling-independent key of one syllable: "chol", "cheol", "chul" -> JOL. */
export function syllableKey(syllable: string): string {
  const p = partsOf(syllable);
  return p.onset + p.nucleus + p.coda;
}

/** True when a syllable is one Korean romanizations produce ("uun" and "myongc" are not). */
export function isKoreanSyllable(syllable: string): boolean {
  return partsOf(syllable).valid;
}

/** The whole-word surname variant of a folded word ("rhee" -> ri), or the word itself. */
export function surnameVariant(word: string): string {
  return WORD_VARIANTS.get(word) ?? word;
}

/** Syllable keys of one folded word, after whole-word surname variants. */
export function wordKeys(word: string): string[] {
  const w = surnameVariant(word);
  if (/[0-9]/.test(w)) return [w.toUpperCase()];
  return syllables(w).map(syllableKey);
}
