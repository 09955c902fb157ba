import { createHash } from 'node:crypto';
import { bech32, bech32m, createBase58check } from '@scure/base';
import { getAddress } from 'ethers';
import { type ChainFamily, familyOf } from './chains.ts';

/** A wallet address in canonical form, with the key it is stored and matched under. */
export interface NormalizedAddress {
  /** `evm:0x…` (lowercase), `tron:T…`, `bitcoin:…` or `<chain>:<text>`. */
  readonly key: string;
  readonly family: ChainFamily;
  /** The display form: checksummed for EVM, base58 for Tron, as-is (bech32 lowercased) for Bitcoin. */
  readonly canonical: string;
}

/** Why an address was refused, for dead-letter reasons and CLI messages. */
export class InvalidAddressError extends Error {
  readonly code = 'INVALID_ADDRESS';
  constructor(
    readonly chain: string,
    readonly address: string,
    reason: string,
  ) {
    super(`invalid ${chain} address ${JSON.stringify(address)}: ${reason}`);
  }
}

const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());
const base58check = createBase58check(sha256);
const EVM_RE = /^0x[0-9a-fA-F]{40}$/;
const TRON_HEX_RE = /^41[0-9a-fA-F]{40}$/;

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

/** EVM: any letter case; a mixed-case address must carry a valid EIP-55 checksum. */
function normalizeEvm(chain: string, text: string): NormalizedAddress {
  if (!EVM_RE.test(text)) {
    throw new InvalidAddressError(chain, text, 'expected 0x and 40 hex digits');
  }
  const lower = `0x${text.slice(2).toLowerCase()}`;
  const body = text.slice(2);
  const mixed = body !== body.toLowerCase() && body !== body.toUpperCase();
  const canonical = checksummed(lower);
  if (mixed && canonical !== text)
    throw new InvalidAddressError(chain, text, 'bad EIP-55 checksum');
  return { key: `evm:${lower}`, family: 'evm', canonical };
}

/** Tron: base58check T-address, or the same 21 bytes as `41` + 40 hex digits. */
function normalizeTron(chain: string, text: string): NormalizedAddress {
  let payload: Uint8Array;
  if (TRON_HEX_RE.test(text)) {
    payload = Uint8Array.from(Buffer.from(text, 'hex'));
  } else {
    try {
      payload = base58check.decode(text);
    } catch {
      throw new InvalidAddressError(chain, text, 'not a base58check T-address or 41-hex form');
    }
  }
  if (payload.length !== 21 || payload[0] !== 0x41) {
    throw new InvalidAddressError(chain, text, 'not a Tron account (prefix 0x41, 21 bytes)');
  }
  const canonical = base58check.encode(payload);
  return { key: `tron:${canonical}`, family: 'tron', canonical };
}

/** Bitcoin: base58check P2PKH/P2SH (mainnet 0x00/0x05) or bech32/bech32m `bc1`. */
function normalizeBitcoin(chain: string, text: string): NormalizedAddress {
  const lower = text.toLowerCase();
  if (lower.startsWith('bc1')) {
    if (text !== lower && text !== text.toUpperCase()) {
      throw new InvalidAddressError(chain, text, 'mixed-case bech32');
    }
    const ok =
      tryDecode(() => bech32.decode(lower as `${string}1${string}`, 90)) ||
      tryDecode(() => bech32m.decode(lower as `${string}1${string}`, 90));
    if (!ok) throw new InvalidAddressError(chain, text, 'bad bech32 checksum');
    return { key: `bitcoin:${lower}`, family: 'bitcoin', canonical: lower };
  }
  let payload: Uint8Array;
  try {
    payload = base58check.decode(text);
  } catch {
    throw new InvalidAddressError(chain, text, 'not base58check or bech32');
  }
  if (payload.length !== 21 || (payload[0] !== 0x00 && payload[0] !== 0x05)) {
    throw new InvalidAddressError(chain, text, 'unknown version byte');
  }
  return { key: `bitcoin:${text}`, family: 'bitcoin', canonical: text };
}

function tryDecode(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

/** Other chains: trimmed text, base58 or alphanumeric, kept case-sensitive. */
function normalizeOther(chain: string, text: string): NormalizedAddress {
  if (!/^[0-9A-Za-z:._-]{20,120}$/.test(text)) {
    throw new InvalidAddressError(chain, text, 'unexpected characters');
  }
  return { key: `${chain}:${text}`, family: 'other', canonical: text };
}

/** Normalizes an address for its chain; throws InvalidAddressError when it is malformed. */
export function normalizeAddress(chain: string, address: string): NormalizedAddress {
  const text = address.trim();
  switch (familyOf(chain, text)) {
    case 'evm':
      return normalizeEvm(chain, text);
    case 'tron':
      return normalizeTron(chain, text);
    case 'bitcoin':
      return normalizeBitcoin(chain, text);
    default:
      return normalizeOther(chain, text);
  }
}

/** The key of an address, or undefined when it is malformed (for lookups that must not throw). */
export function addressKeyOrUndefined(chain: string, address: string): string | undefined {
  try {
    return normalizeAddress(chain, address).key;
  } catch {
    return undefined;
  }
}

/** Guesses the family of a bare address by its shape, for `check` inputs without a chain. */
export function guessChain(address: string): string {
  const text = address.trim();
  if (EVM_RE.test(text)) return 'ethereum';
  if (/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(text) || TRON_HEX_RE.test(text)) return 'tron';
  if (/^(bc1|BC1|[13])/.test(text)) return 'bitcoin';
  return 'unknown';
}
