/**
 * Korean names reach payroll in many romanizations: McCune-Reischauer ("Chong In-chol"),
 * Revised Romanization ("Jeong In-cheol"), informal ("Jung Inchul"), in any word order.
 * Each syllable is reduced to a key that those spellings share; names then compare as
 * multisets of syllable keys, so word order and hyphens stop mattering.
 */

/** Whole-word spellings of common surnames that no letter rule unifies (이 = Lee/Yi/Ri/Rhee). */
const WORD_VARIANTS: Readonly<Record<string, string>> = Object.freeze({
  lee: 'ri',
  li: 'ri',
  yi: 'ri',
  i: 'ri',
  rhee: 'ri',
  rhie: 'ri',
  yee: 'ri',
  park: 'pak',
  bak: 'pak',
  pack: 'pak',
  bahk: 'pak',
  choi: 'choe',
  chwe: 'choe',
  choy: 'choe',
  oh: 'o',
  ryu: 'yu',
  yoo: 'yu',
  ryoo: 'yu',
  you: 'yu',
  noh: 'no',
  roh: 'no',
  ro: 'no',
  lim: 'im',
  rim: 'im',
  ryang: 'yang',
});

const ONSETS = [
  ['tch', 'J'],
  ['chh', 'J'],
  ['ch', 'J'],
  ['jj', 'J'],
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

const NUCLEI: Readonly<Record<string, string>> = Object.freeze({
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
});

const CODAS: Readonly<Record<string, string>> = Object.freeze({
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
});

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

/** The spelling-independent key of one syllable: "chol", "cheol", "chul" -> JOL. */
export function syllableKey(syllable: string): string {
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
  return onset + (NUCLEI[nucleus] ?? nucleus.toUpperCase()) + (CODAS[coda] ?? coda.toUpperCase());
}

/** Syllable keys of one folded word, after whole-word surname variants. */
export function wordKeys(word: string): string[] {
  const w = WORD_VARIANTS[word] ?? word;
  if (/[0-9]/.test(w)) return [w.toUpperCase()];
  return syllables(w).map(syllableKey);
}
