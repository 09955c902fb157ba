import { wordKeys } from './romanize.ts';
import { jaroWinkler, words } from './text.ts';
import { givenNameForm, nameTokens, PARTICLES } from './tokens.ts';

/** Syllable keys of a person's name in any order: "In Chol Jong" -> IN, JOL, JONG. */
export function personKeys(name: string): string[] {
  return words(name).flatMap(wordKeys);
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
  if (kind === 'person') for (const k of wordPairKeys(name)) out.add(k);
  return [...out];
}

/** Words of a name beyond this many are not paired (a long alias would multiply keys). */
const MAX_PAIRED_WORDS = 6;

/**
 * Every pair of a person's words (given names in their table form): the identity matcher
 * scores listed spellings that share two words with a name, and matches a name found inside
 * a longer one (Vladimir Putin in PUTIN, Vladimir Vladimirovich), so lookback must meet them.
 */
function wordPairKeys(name: string): string[] {
  const ws = [
    ...new Set(
      nameTokens(name)
        .filter((w) => !PARTICLES.has(w))
        .map(givenNameForm),
    ),
  ]
    .slice(0, MAX_PAIRED_WORDS)
    .sort();
  if (ws.length === 1) return [`pw:${ws[0]}`];
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++)
    for (let j = i + 1; j < ws.length; j++) out.push(`pw:${ws[i]} ${ws[j]}`);
  return out;
}
