import { createHash } from 'node:crypto';
import { createBase58check } from '@scure/base';
import { AddressRuleError, attempt, ensure } from './errors.ts';
import { decodeSegwit, type SegwitPrefixes } from './segwit.ts';

/** What a Bitcoin-family chain accepts: base58check version bytes and a segwit prefix. */
interface UtxoParams {
  /** Version prefixes of main-network base58check addresses (1 byte, or 2 for Zcash). */
  readonly versions: readonly number[];
  /** Version prefixes of its test networks, named when refused. */
  readonly testVersions: readonly number[];
  readonly segwit?: SegwitPrefixes;
}

// Version bytes from each project's chainparams (Bitcoin Core src/kernel/chainparams.cpp,
// Litecoin, Dogecoin, Dash, Bitcoin Gold, Verge, Zcash): P2PKH then P2SH.
const BITCOIN: UtxoParams = {
  versions: [0x00, 0x05],
  testVersions: [0x6f, 0xc4],
  segwit: { main: 'bc', test: ['tb', 'bcrt'] },
};

const UTXO_CHAINS: ReadonlyMap<string, UtxoParams> = new Map([
  ['bitcoin', BITCOIN],
  ['bitcoin-sv', { versions: [0x00, 0x05], testVersions: [0x6f, 0xc4] }],
  [
    'litecoin',
    {
      versions: [0x30, 0x32, 0x05],
      testVersions: [0x6f, 0xc4, 0x3a],
      segwit: { main: 'ltc', test: ['tltc', 'rltc'] },
    },
  ],
  ['dogecoin', { versions: [0x1e, 0x16], testVersions: [0x71, 0xc4] }],
  ['dash', { versions: [0x4c, 0x10], testVersions: [0x8c, 0x13] }],
  [
    'bitcoin-gold',
    { versions: [0x26, 0x17], testVersions: [0x6f, 0xc4], segwit: { main: 'btg', test: ['tbtg'] } },
  ],
  ['verge', { versions: [0x1e, 0x21], testVersions: [0x73, 0xc6] }],
  ['zcash', { versions: [0x1cb8, 0x1cbd], testVersions: [0x1d25, 0x1cba] }],
]);

const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());
/** Base58check (double SHA-256 checksum), shared by every chain here and by Tron. */
export const base58check = createBase58check(sha256);

/** True when the chain has Bitcoin-family address rules here. */
export function isUtxoChain(chain: string): boolean {
  return UTXO_CHAINS.has(chain);
}

/** The version prefix of a base58check payload (2 bytes for 22-byte Zcash payloads). */
function versionOf(payload: Uint8Array): { version: number; hashLength: number } {
  if (payload.length === 22) return { version: (payload[0]! << 8) | payload[1]!, hashLength: 20 };
  return { version: payload[0] ?? -1, hashLength: payload.length - 1 };
}

const hex = (n: number) => `0x${n.toString(16).padStart(2, '0')}`;

function checkBase58(text: string, p: UtxoParams): void {
  const payload = attempt(() => base58check.decode(text), 'not base58check or bech32');
  const { version, hashLength } = versionOf(payload);
  ensure(hashLength === 20, `base58check payload of ${payload.length} bytes (not an address)`);
  if (p.testVersions.includes(version) && !p.versions.includes(version)) {
    throw new AddressRuleError(`test-network address (version ${hex(version)})`);
  }
  ensure(p.versions.includes(version), `unknown version ${hex(version)}`);
}

/**
 * The canonical form of a Bitcoin-family address on `chain`: base58check as given, segwit
 * lowercased. Throws AddressRuleError when the chain's rules refuse it.
 */
export function canonicalUtxo(chain: string, text: string): string {
  const p = UTXO_CHAINS.get(chain) ?? BITCOIN;
  const sep = text.lastIndexOf('1');
  const hrp = text.slice(0, sep).toLowerCase();
  if (p.segwit && sep > 0 && (hrp === p.segwit.main || p.segwit.test.includes(hrp))) {
    decodeSegwit(text, p.segwit);
    return text.toLowerCase();
  }
  checkBase58(text, p);
  return text;
}
