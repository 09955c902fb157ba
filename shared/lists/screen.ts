import {
  guessChain,
  hasAddressRules,
  InvalidAddressError,
  mayBeAddressOf,
  normalizeAddress,
} from '../address/index.ts';
import type { TagHit, TagIndex } from './tag-index.ts';
import type { EntryCategory, ListEntry } from './types.ts';

/** One list entry an address matched, with the list version that holds it. */
export interface CheckMatch {
  readonly source: string;
  readonly listVersion: string;
  readonly entryId: string;
  readonly name: string;
  readonly kind: ListEntry['kind'];
  readonly category: EntryCategory;
  readonly programs: readonly string[];
  /** The address as the list gives it, and the chain it is listed on. */
  readonly listedAddress: string;
  readonly listedChain: string;
  readonly currency?: string;
}

/** The answer for one address: `{address, chain, hit, matches[]}` (the `check` contract). */
export interface CheckResult {
  readonly address: string;
  readonly chain: string;
  readonly hit: boolean;
  readonly matches: readonly CheckMatch[];
  /** Something worth knowing about the input (a 0x address whose letter case breaks EIP-55). */
  readonly note?: string;
}

const CHAIN_PREFIX = /^([a-z][a-z0-9-]*):(.+)$/;
// A Map: `constructor:0x…` must not find Object.prototype.constructor as an alias.
const CHAIN_ALIASES: ReadonlyMap<string, string> = new Map([
  ['bitcoincash', 'bitcoin-cash'],
  ['eth', 'ethereum'],
  ['btc', 'bitcoin'],
  ['trx', 'tron'],
]);
/** Key spaces shared by a family of chains: never a chain of its own to fall back on. */
const FAMILY_KEY_SPACES = new Set(['evm', 'tron', 'bitcoin']);

interface Candidate {
  readonly chain: string;
  readonly key: string;
}

/**
 * Screens addresses against a TagIndex. An address may carry its chain (`tron:T...`); a bare
 * one is tried on the chain its shape suggests and on every other chain the lists hold whose
 * own address rules accept it (a Litecoin or Monero address has no family of its own), so
 * every listed address is found and nothing malformed passes as "no hit".
 */
export class AddressScreen {
  private readonly otherChains: readonly string[];
  /** The other chains with address rules of their own, decided once. */
  private readonly ruled: ReadonlySet<string>;

  constructor(private readonly index: TagIndex) {
    const chains = new Set<string>();
    for (const key of index.keys()) {
      const chain = key.slice(0, key.indexOf(':'));
      if (!FAMILY_KEY_SPACES.has(chain)) chains.add(chain);
    }
    this.otherChains = [...chains].sort();
    this.ruled = new Set(this.otherChains.filter(hasAddressRules));
  }

  /** Screens one address; throws InvalidAddressError (with the reason) when it fits no chain. */
  screen(input: string): CheckResult {
    const text = input.trim();
    const { candidates, chain } = this.candidates(text);
    const matches: CheckMatch[] = [];
    let matchedChain: string | undefined;
    for (const c of candidates) {
      const hits = this.index.lookup(c.key);
      if (hits.length && !matchedChain) matchedChain = c.chain;
      for (const hit of hits) matches.push(toMatch(hit));
    }
    return { address: text, chain: matchedChain ?? chain, hit: matches.length > 0, matches };
  }

  private candidates(text: string): { candidates: Candidate[]; chain: string } {
    const prefixed = CHAIN_PREFIX.exec(text);
    if (prefixed && !/^(bc|tb|bcrt|ltc)1/i.test(text)) {
      const chain = CHAIN_ALIASES.get(prefixed[1]!) ?? prefixed[1]!;
      return { candidates: [candidate(chain, prefixed[2]!.trim())], chain };
    }
    const guessed = guessChain(text);
    const out: Candidate[] = [];
    let refusal: InvalidAddressError | undefined;
    if (guessed !== 'unknown') {
      try {
        out.push(candidate(guessed, text));
      } catch (e) {
        // Shaped like Bitcoin but not one (a Litecoin legacy address): the other chains decide.
        if (!(e instanceof InvalidAddressError)) throw e;
        refusal = e;
      }
    }
    // Most chains refuse most inputs: their refusals are expected here and never shown, so
    // they are built without a stack trace (capturing one is most of a refusal's cost).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      for (const chain of this.otherChains) {
        // A chain without address rules here takes only what no known format claims.
        if (chain === guessed || (!this.ruled.has(chain) && guessed !== 'unknown')) continue;
        // Shaped like none of its addresses: refused without running (and throwing from) its rules.
        if (!mayBeAddressOf(chain, text)) continue;
        try {
          out.push(candidate(chain, text));
        } catch (e) {
          if (!(e instanceof InvalidAddressError)) throw e;
        }
      }
    } finally {
      Error.stackTraceLimit = limit;
    }
    if (out.length === 0) {
      throw refusal ?? new InvalidAddressError(guessed, text, 'not an address of any known chain');
    }
    return { candidates: out, chain: guessed };
  }
}

/** The lookup key of an address on a chain; throws InvalidAddressError when its rules refuse it. */
function candidate(chain: string, address: string): Candidate {
  return { chain, key: normalizeAddress(chain, address).key };
}

function toMatch(hit: TagHit): CheckMatch {
  const e = hit.entry;
  const match = {
    source: hit.version.source,
    listVersion: hit.version.id,
    entryId: e.entryId,
    name: e.name,
    kind: e.kind,
    category: e.category,
    programs: e.programs,
    listedAddress: hit.address,
    listedChain: e.addresses.find((a) => a.address === hit.address)?.chain ?? 'unknown',
  };
  return hit.currency ? { ...match, currency: hit.currency } : match;
}
