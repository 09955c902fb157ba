import { familyOf, guessChain, InvalidAddressError, normalizeAddress } from '../address/index.ts';
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

const EVM_RE = /^0x[0-9a-fA-F]{40}$/;
const CHAIN_PREFIX = /^([a-z][a-z0-9-]*):(.+)$/;
const CHAIN_ALIASES: Readonly<Record<string, string>> = {
  bitcoincash: 'bitcoin-cash',
  eth: 'ethereum',
  btc: 'bitcoin',
  trx: 'tron',
};

interface Candidate {
  readonly chain: string;
  readonly key: string;
}

/**
 * Screens addresses against a TagIndex. An address may carry its chain (`tron:T...`); a bare
 * one is tried on the chain its shape suggests and on every other chain the lists hold (a
 * Litecoin or Monero address has no family of its own), so every listed address is found.
 */
export class AddressScreen {
  private readonly otherChains: readonly string[];

  constructor(private readonly index: TagIndex) {
    const chains = new Set<string>();
    for (const key of index.keys()) {
      const chain = key.slice(0, key.indexOf(':'));
      if (familyOf(chain) === 'other') chains.add(chain);
    }
    this.otherChains = [...chains].sort();
  }

  /** Screens one address; throws InvalidAddressError when it fits no chain. */
  screen(input: string): CheckResult {
    const text = input.trim();
    const { candidates, chain, note } = this.candidates(text);
    const matches: CheckMatch[] = [];
    let matchedChain: string | undefined;
    for (const c of candidates) {
      const hits = this.index.lookup(c.key);
      if (hits.length && !matchedChain) matchedChain = c.chain;
      for (const hit of hits) matches.push(toMatch(hit));
    }
    const result = {
      address: text,
      chain: matchedChain ?? chain,
      hit: matches.length > 0,
      matches,
    };
    return note ? { ...result, note } : result;
  }

  private candidates(text: string): { candidates: Candidate[]; chain: string; note?: string } {
    const prefixed = CHAIN_PREFIX.exec(text);
    if (prefixed && !/^bc1/i.test(text)) {
      const chain = CHAIN_ALIASES[prefixed[1]!] ?? prefixed[1]!;
      return withChain(chain, prefixed[2]!.trim());
    }
    if (EVM_RE.test(text)) return withChain('ethereum', text);
    const guessed = guessChain(text);
    const out: Candidate[] = [];
    if (guessed !== 'unknown') {
      try {
        out.push({ chain: guessed, key: normalizeAddress(guessed, text).key });
      } catch {
        // Shaped like Bitcoin but not one (a Bitcoin SV or Litecoin address): the other chains decide.
      }
    }
    if (/^[0-9A-Za-z:._-]{20,120}$/.test(text)) {
      for (const chain of this.otherChains) out.push({ chain, key: `${chain}:${text}` });
    }
    if (out.length === 0)
      throw new InvalidAddressError(guessed, text, 'not an address of any known chain');
    return { candidates: out, chain: guessed };
  }
}

function withChain(
  chain: string,
  address: string,
): { candidates: Candidate[]; chain: string; note?: string } {
  if (familyOf(chain, address) === 'evm' && EVM_RE.test(address)) {
    // Letter case carries no meaning on-chain: a broken EIP-55 checksum is noted, never a miss.
    let note: string | undefined;
    try {
      normalizeAddress(chain, address);
    } catch {
      note = 'mixed-case 0x address with a bad EIP-55 checksum; screened as its lowercase form';
    }
    const candidates = [{ chain, key: `evm:${address.toLowerCase()}` }];
    return note ? { candidates, chain, note } : { candidates, chain };
  }
  return { candidates: [{ chain, key: normalizeAddress(chain, address).key }], chain };
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
