import type { ListEntry } from '../lists/types.ts';
import {
  entitySimilarity,
  entityTokens,
  personKeys,
  personSimilarity,
  wordSimilarity,
} from './names.ts';
import { words } from './text.ts';

/** One spelling (name or alias) of a listed person or entity, prepared for matching. */
interface Variant {
  readonly entry: ListEntry;
  readonly name: string;
  /** Syllable keys (persons) or distinctive words (entities). */
  readonly keys: readonly string[];
  /** Folded words (persons only): the second view of a non-Korean name. */
  readonly words: readonly string[];
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

const prepare = (kind: Kind, name: string) =>
  kind === 'person'
    ? { keys: personKeys(name), words: words(name) }
    : { keys: entityTokens(name), words: [] };

/** Similarity of a prepared query and a variant: the better of the syllable and word views. */
function similarity(
  kind: Kind,
  q: { keys: readonly string[]; words: readonly string[] },
  v: Variant,
): number {
  if (kind === 'entity') return entitySimilarity(q.keys, v.keys);
  return Math.max(personSimilarity(q.keys, v.keys), wordSimilarity(q.words, v.words));
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

  constructor(entries: readonly ListEntry[]) {
    for (const entry of entries) {
      if (entry.kind === 'person') this.add('person', entry);
      else if (entry.kind === 'entity' || entry.kind === 'unknown') this.add('entity', entry);
    }
  }

  private add(kind: Kind, entry: ListEntry): void {
    for (const name of new Set([entry.name, ...entry.aliases])) {
      const p = prepare(kind, name);
      if (p.keys.length === 0) continue;
      const at = this.variants[kind].push({ entry, name, ...p }) - 1;
      for (const key of new Set([...p.keys, ...p.words.map((w) => `w:${w}`)])) {
        const list = this.postings[kind].get(key);
        if (list) list.push(at);
        else this.postings[kind].set(key, [at]);
      }
    }
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
      const q = prepare(kind, queried);
      for (const at of this.candidates(kind, q)) {
        const v = this.variants[kind][at]!;
        const s = similarity(kind, q, v);
        if (s < min || (best.get(v.entry)?.similarity ?? -1) >= s) continue;
        best.set(v.entry, {
          entry: v.entry,
          listedName: v.name,
          queriedName: queried,
          similarity: s,
        });
      }
    }
    return [...best.values()].sort((a, b) => b.similarity - a.similarity);
  }

  /** Variants sharing a key or a word with the query; near spellings share another one. */
  private candidates(
    kind: Kind,
    q: { keys: readonly string[]; words: readonly string[] },
  ): Set<number> {
    const out = new Set<number>();
    for (const key of [...q.keys, ...q.words.map((w) => `w:${w}`)]) {
      for (const at of this.postings[kind].get(key) ?? []) out.add(at);
    }
    return out;
  }
}
