import { wordKeys } from './romanize.ts';
import { jaroWinkler, words } from './text.ts';

/** Syllable keys of a person's name in any order: "In Chol Jong" -> IN, JOL, JONG. */
export function personKeys(name: string): string[] {
  return words(name).flatMap(wordKeys);
}

/** Two syllable keys that differ by one romanization quirk still count, at a discount. */
const NEAR = 0.9;
const NEAR_CREDIT = 0.8;

function keySimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return jaroWinkler(a, b) >= NEAR ? NEAR_CREDIT : 0;
}

/**
 * Order-free similarity of two names as syllable-key multisets (a Dice coefficient over
 * a greedy matching): 1 for "Jong In Chol" vs "Chong In-chol", 0.67 for "Kim Sang Min"
 * vs "Kim Sang Man".
 */
export function personSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const used = new Uint8Array(b.length);
  let total = 0;
  for (const key of a) {
    let best = 0;
    let at = -1;
    for (let j = 0; j < b.length; j++) {
      if (used[j]) continue;
      const s = keySimilarity(key, b[j]!);
      if (s > best) [best, at] = [s, j];
      if (best === 1) break;
    }
    if (at >= 0) used[at] = 1;
    total += best;
  }
  return (2 * total) / (a.length + b.length);
}

/** Words this close are one word spelled two ways ("Semenko"/"Semenov" is 0.94: two names). */
const WORD_NEAR = 0.95;

/**
 * Order-free similarity of two names word by word (Jaro-Winkler 0.95 or more counts):
 * catches transliterations the syllable keys split differently ("Andreyev"/"Andreev").
 */
export function wordSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const used = new Uint8Array(b.length);
  let matched = 0;
  for (const w of a) {
    const j = b.findIndex(
      (v, k) =>
        !used[k] && (v === w || (w.length >= 4 && v.length >= 4 && jaroWinkler(v, w) >= WORD_NEAR)),
    );
    if (j < 0) continue;
    used[j] = 1;
    matched++;
  }
  return (2 * matched) / (a.length + b.length);
}

/** Legal forms and filler words that say nothing about which company it is. */
const LEGAL_FORMS = new Set([
  'co',
  'company',
  'corp',
  'corporation',
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'plc',
  'gmbh',
  'sa',
  'ag',
  'bv',
  'jsc',
  'pte',
  'pvt',
  'the',
  'of',
  'and',
  'llp',
  'oy',
  'ou',
  'as',
  'ab',
  'sro',
  'kft',
  'spa',
  'srl',
  'sas',
  'sarl',
  'ooo',
  'zao',
  'oao',
  'pao',
  'tov',
  'fzco',
  'fze',
  'bhd',
  'sdn',
  'kk',
  'nv',
  'se',
]);

/** Words common in company names: they match often and prove little, so they weigh less. */
export const GENERIC_WORDS = new Set([
  'korea',
  'korean',
  'china',
  'chinese',
  'trading',
  'trade',
  'industry',
  'industrial',
  'shipping',
  'international',
  'group',
  'general',
  'bank',
  'development',
  'technology',
  'technologies',
  'tech',
  'services',
  'service',
  'solutions',
  'software',
  'global',
  'holdings',
  'holding',
  'investment',
  'enterprise',
  'enterprises',
  'import',
  'export',
  'department',
  'ministry',
  'dprk',
  'peoples',
  'people',
  'democratic',
  'republic',
  'it',
]);

/** Distinctive words of a company name, legal forms removed: "Korea Osong Shipping Co." -> korea, osong, shipping. */
export function entityTokens(name: string): string[] {
  return words(name).filter((w) => !LEGAL_FORMS.has(w));
}

/** True when two company-name words are the same word spelled differently. */
export function sameToken(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4) return false;
  if (jaroWinkler(a, b) >= 0.92) return true;
  return wordKeys(a).join('') === wordKeys(b).join('');
}

/** Weight of a company-name word: generic words prove little. */
export function tokenWeight(token: string): number {
  if (GENERIC_WORDS.has(token)) return 0.3;
  return /^[0-9]+$/.test(token) ? 0.7 : 1;
}

/** Weighted Dice similarity of two company names' tokens. */
export function entitySimilarity(a: readonly string[], b: readonly string[]): number {
  const wa = a.reduce((s, t) => s + tokenWeight(t), 0);
  const wb = b.reduce((s, t) => s + tokenWeight(t), 0);
  if (wa === 0 || wb === 0) return 0;
  const used = new Uint8Array(b.length);
  let matched = 0;
  for (const t of a) {
    const j = b.findIndex((u, k) => !used[k] && sameToken(t, u));
    if (j < 0) continue;
    used[j] = 1;
    matched += tokenWeight(t);
  }
  return (2 * matched) / (wa + wb);
}

/** Blocking keys beyond this many syllables would multiply without finding more. */
const MAX_BLOCK_SYLLABLES = 6;

/**
 * Keys that put a name in the same bucket as its likely matches: the sorted syllable keys
 * (persons) or words (entities), whole and with any one left out. Two names that share
 * all but one key meet in some bucket, so a new list entry finds the workers to rescreen
 * without scanning them all.
 */
export function blockingKeys(name: string, kind: 'person' | 'entity'): string[] {
  const parts = (kind === 'person' ? personKeys(name) : entityTokens(name))
    .slice(0, MAX_BLOCK_SYLLABLES)
    .sort();
  if (parts.length === 0) return [];
  const prefix = kind === 'person' ? 'p' : 'e';
  const out = new Set([`${prefix}:${parts.join(' ')}`]);
  if (parts.length >= 3) {
    for (let i = 0; i < parts.length; i++)
      out.add(`${prefix}:${parts.filter((_, j) => j !== i).join(' ')}`);
  }
  return [...out];
}
