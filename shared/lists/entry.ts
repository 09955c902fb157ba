import { InvalidAddressError } from '../address/index.ts';
import { listedAddress } from './currency.ts';
import type { EntryCategory, ListEntry, ListedAddress } from './types.ts';

/** A list entry while a loader assembles it; `finishEntry` turns it into a frozen ListEntry. */
export interface EntryDraft {
  source: string;
  entryId: string;
  name: string;
  aliases: string[];
  kind: ListEntry['kind'];
  programs: string[];
  category: EntryCategory;
  addresses: ListedAddress[];
  datesOfBirth: string[];
  nationalities: string[];
  references: string[];
  listedOn?: string;
}

/** An empty draft for one entry. */
export function newDraft(
  source: string,
  entryId: string,
  kind: ListEntry['kind'],
  category: EntryCategory,
): EntryDraft {
  return {
    source,
    entryId,
    name: '',
    aliases: [],
    kind,
    programs: [],
    category,
    addresses: [],
    datesOfBirth: [],
    nationalities: [],
    references: [],
  };
}

// Lookups of what a draft already holds, so that adding stays constant time: an entry with
// 100,000 addresses or aliases (a TagPack actor, a ransomware family) must not cost n².
// Each set is rebuilt when its list was changed without these functions.
const seen = new WeakMap<object, Set<string>>();

function seenIn(list: readonly unknown[], keys: () => readonly string[]): Set<string> {
  let set = seen.get(list);
  if (!set || set.size !== list.length) {
    set = new Set(keys());
    seen.set(list, set);
  }
  return set;
}

/** Adds a name: the first becomes the primary name, the rest aliases (no repeats, any case). */
export function addName(draft: EntryDraft, name: string | undefined): void {
  const text = name?.replace(/\s+/g, ' ').trim();
  if (!text) return;
  if (!draft.name) {
    draft.name = text;
    return;
  }
  const lower = text.toLowerCase();
  if (draft.name.toLowerCase() === lower) return;
  const aliases = seenIn(draft.aliases, () => draft.aliases.map((a) => a.toLowerCase()));
  if (aliases.has(lower)) return;
  aliases.add(lower);
  draft.aliases.push(text);
}

/** Adds a value to a list field once. */
export function addOnce(list: string[], value: string | undefined): void {
  const text = value?.trim();
  if (!text) return;
  const values = seenIn(list, () => list);
  if (values.has(text)) return;
  values.add(text);
  list.push(text);
}

const addressKey = (a: ListedAddress) => `${a.currency ?? ''}\u0000${a.key}`;

/**
 * Adds an address listed under a currency code or chain name. A malformed address is
 * reported through `warn` and skipped: one bad address must not hold back a whole list.
 */
export function addAddress(
  draft: EntryDraft,
  codeOrChain: string | undefined,
  address: string,
  warn: (message: string) => void,
): void {
  let listed: ListedAddress;
  try {
    listed = listedAddress(codeOrChain, address);
  } catch (e) {
    if (!(e instanceof InvalidAddressError)) throw e;
    warn(`entry ${draft.entryId} (${draft.name || 'unnamed'}): skipped ${e.message}`);
    return;
  }
  const keys = seenIn(draft.addresses, () => draft.addresses.map(addressKey));
  const key = addressKey(listed);
  if (keys.has(key)) return;
  keys.add(key);
  draft.addresses.push(listed);
}

/** Keeps the earliest of two ISO dates. */
export function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return a <= b ? a : b;
}

/** Freezes a draft into a ListEntry; the name falls back to the first alias, then the entry id. */
export function finishEntry(draft: EntryDraft): ListEntry {
  const name = draft.name || draft.aliases[0] || draft.entryId;
  const aliases = draft.name ? draft.aliases : draft.aliases.slice(1);
  const entry: ListEntry = {
    source: draft.source,
    entryId: draft.entryId,
    name,
    aliases: Object.freeze(aliases),
    kind: draft.kind,
    programs: Object.freeze(draft.programs),
    category: draft.category,
    addresses: Object.freeze(draft.addresses),
    ...(draft.datesOfBirth.length ? { datesOfBirth: Object.freeze(draft.datesOfBirth) } : {}),
    ...(draft.nationalities.length ? { nationalities: Object.freeze(draft.nationalities) } : {}),
    ...(draft.listedOn ? { listedOn: draft.listedOn } : {}),
    ...(draft.references.length ? { references: Object.freeze(draft.references) } : {}),
  };
  return Object.freeze(entry);
}

const CATEGORY_WORDS: readonly [RegExp, EntryCategory][] = [
  [/sanction/i, 'sanctions'],
  [/ransom/i, 'ransomware'],
  [/extort/i, 'extortion'],
  [/mix|tumbl|privacy[_ ]?pool/i, 'mixer'],
  [/exchange|otc/i, 'exchange'],
  [/scam|phish|fraud/i, 'scam'],
  [/collector|consolidat/i, 'collector'],
];

/** Maps a publisher's category or abuse word (`mixing_service`, `sanction`) onto an EntryCategory. */
export function categoryFrom(...words: (string | undefined)[]): EntryCategory {
  for (const word of words) {
    if (!word) continue;
    for (const [re, category] of CATEGORY_WORDS) if (re.test(word)) return category;
  }
  return 'other';
}

/** The ISO date (YYYY-MM-DD) of year, month and day strings; a missing month or day is left out. */
export function isoDate(year?: string, month?: string, day?: string): string | undefined {
  if (!year) return undefined;
  if (!month) return year;
  const mm = month.padStart(2, '0');
  return day ? `${year}-${mm}-${day.padStart(2, '0')}` : `${year}-${mm}`;
}
