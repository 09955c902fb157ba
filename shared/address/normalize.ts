import { getAddress } from 'ethers';
import { type ChainFamily, familyOf } from './chains.ts';
import { AddressRuleError, attempt, ensure, InvalidAddressError } from './errors.ts';
import { otherChainRule } from './others.ts';
import { base58check, canonicalUtxo, isUtxoChain } from './utxo.ts';

export { InvalidAddressError } from './errors.ts';

/** A wallet address in canonical form, with the key it is stored and matched under. */
export interface NormalizedAddress {
  /** `evm:0x…` (lowercase), `tron:T…`, `bitcoin:…` or `<chain>:<text>`. */
  readonly key: string;
  readonly family: ChainFamily;
  /** The display form: checksummed for EVM, base58 for Tron, as-is (bech32 lowercased) for Bitcoin. */
  readonly canonical: string;
}

const EVM_RE = /^0x[0-9a-fA-F]{40}$/;
const TRON_HEX_RE = /^41[0-9a-fA-F]{40}$/;
/** Chains without address rules here: any plain token of this shape is taken as it is. */
const GENERIC_RE = /^[0-9A-Za-z:._-]{20,120}$/;

// EIP-55 checksums cost a keccak hash each; payroll pays the same wallets again and again,
// so a bounded cache keeps normalization off the hot path's profile.
const CHECKSUM_CACHE_LIMIT = 100_000;
const checksums = new Map<string, string>();

function checksummed(lower: string): string {
  let out = checksums.get(lower);
  if (out === undefined) {
    if (checksums.size >= CHECKSUM_CACHE_LIMIT) checksums.clear();
    out = getAddress(lower);
    checksums.set(lower, out);
  }
  return out;
}

/** EVM: all lowercase or all uppercase hex, or mixed case carrying a valid EIP-55 checksum. */
function normalizeEvm(text: string): NormalizedAddress {
  ensure(EVM_RE.test(text), 'expected 0x and 40 hex digits');
  const body = text.slice(2);
  const lower = `0x${body.toLowerCase()}`;
  const mixed = body !== body.toLowerCase() && body !== body.toUpperCase();
  const canonical = checksummed(lower);
  ensure(!mixed || canonical === text, 'bad EIP-55 checksum (letter case)');
  return { key: `evm:${lower}`, family: 'evm', canonical };
}

/** Tron: base58check T-address, or the same 21 bytes as `41` + 40 hex digits. */
function normalizeTron(text: string): NormalizedAddress {
  const payload = TRON_HEX_RE.test(text)
    ? Uint8Array.from(Buffer.from(text, 'hex'))
    : attempt(() => base58check.decode(text), 'not a base58check T-address or 41-hex form');
  ensure(
    payload.length === 21 && payload[0] === 0x41,
    'not a Tron account (prefix 0x41, 21 bytes)',
  );
  const canonical = base58check.encode(payload);
  return { key: `tron:${canonical}`, family: 'tron', canonical };
}

/** Other chains: their own rules where known here, else a plain token kept case-sensitive. */
function normalizeOther(chain: string, text: string): NormalizedAddress {
  const rule = otherChainRule(chain);
  let canonical: string;
  if (isUtxoChain(chain)) canonical = canonicalUtxo(chain, text);
  else if (rule) canonical = rule(text);
  else {
    ensure(GENERIC_RE.test(text), 'unexpected characters');
    canonical = text;
  }
  return { key: `${chain}:${canonical}`, family: 'other', canonical };
}

function normalizeFor(chain: string, text: string): NormalizedAddress {
  // A chain with its own format never takes a 0x address as EVM (familyOf guesses for unknown chains).
  const family = hasOwnFormat(chain) ? 'other' : familyOf(chain, text);
  switch (family) {
    case 'evm':
      return normalizeEvm(text);
    case 'tron':
      return normalizeTron(text);
    case 'bitcoin': {
      const canonical = canonicalUtxo('bitcoin', text);
      return { key: `bitcoin:${canonical}`, family: 'bitcoin', canonical };
    }
    default:
      return normalizeOther(chain, text);
  }
}

/** Normalizes an address for its chain; throws InvalidAddressError with the rule it breaks. */
export function normalizeAddress(chain: string, address: string): NormalizedAddress {
  const text = address.trim();
  try {
    return normalizeFor(chain, text);
  } catch (e) {
    if (e instanceof AddressRuleError) throw new InvalidAddressError(chain, text, e.message);
    throw e;
  }
}

function hasOwnFormat(chain: string): boolean {
  return chain !== 'bitcoin' && (isUtxoChain(chain) || otherChainRule(chain) !== undefined);
}

/** True when this chain's addresses are checked against its own format (not a plain token). */
export function hasAddressRules(chain: string): boolean {
  return familyOf(chain) !== 'other' || hasOwnFormat(chain);
}

/** The key of an address, or undefined when it is malformed (for lookups that must not throw). */
export function addressKeyOrUndefined(chain: string, address: string): string | undefined {
  try {
    return normalizeAddress(chain, address).key;
  } catch {
    return undefined;
  }
}

/** Guesses the chain of a bare address by its shape, for `check` inputs without a chain. */
export function guessChain(address: string): string {
  const text = address.trim();
  if (EVM_RE.test(text)) return 'ethereum';
  if (/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(text) || TRON_HEX_RE.test(text)) return 'tron';
  // Test-network addresses count as Bitcoin too, so that they are refused with that reason.
  if (/^(bc|tb|bcrt)1/i.test(text) || /^[13][1-9A-HJ-NP-Za-km-z]{25,34}$/.test(text)) {
    return 'bitcoin';
  }
  return isBitcoinTestnetBase58(text) ? 'bitcoin' : 'unknown';
}

function isBitcoinTestnetBase58(text: string): boolean {
  if (!/^[2mn][1-9A-HJ-NP-Za-km-z]{25,34}$/.test(text)) return false;
  try {
    const payload = base58check.decode(text);
    return payload.length === 21 && (payload[0] === 0x6f || payload[0] === 0xc4);
  } catch {
    return false;
  }
}
