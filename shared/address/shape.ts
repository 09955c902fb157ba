import { isUtxoChain } from './utxo.ts';

/**
 * Cheap shape tests that every address of a chain passes: the "try every other chain" fallback
 * runs them before a chain's full rules, so that the many chains an input is plainly not from
 * (a 0x address is no Monero, Litecoin or XRP address) cost a regular expression instead of a
 * failed decode and a refusal built and thrown. Necessary, never sufficient: the chain's rules
 * still decide.
 */

const BASE58 = '[1-9A-HJ-NP-Za-km-z]';
/** base58check addresses of the Bitcoin family (Zcash's t-addresses are the longest, 35). */
const BASE58_ADDRESS = new RegExp(`^${BASE58}{25,36}$`);
/** A segwit address: a human-readable part, the separator 1, then bech32 letters only. */
const SEGWIT = /^[a-z]{1,10}1[02-9ac-hj-np-z]{6,}$|^[A-Z]{1,10}1[02-9AC-HJ-NP-Z]{6,}$/;

const SHAPES: ReadonlyMap<string, RegExp> = new Map([
  // A Monero address (95 or 106 base58 letters), or the 64-hex identifier OFAC lists.
  ['monero', new RegExp(`^${BASE58}{95}$|^${BASE58}{106}$|^[0-9a-f]{64}$`)],
  ['xrp', new RegExp(`^r${BASE58}{24,34}$`)],
  // A 32-byte key in base58.
  ['solana', new RegExp(`^${BASE58}{32,44}$`)],
  // CashAddr (with or without its prefix, one case) or a legacy base58check address.
  [
    'bitcoin-cash',
    new RegExp(
      `^(bitcoincash:)?[qp][02-9ac-hj-np-z]{41}$|^(BITCOINCASH:)?[QP][02-9AC-HJ-NP-Z]{41}$|^${BASE58}{25,36}$`,
    ),
  ],
]);

/** False when `text` cannot be an address of `chain` by its letters and length alone. */
export function mayBeAddressOf(chain: string, text: string): boolean {
  if (isUtxoChain(chain)) return BASE58_ADDRESS.test(text) || SEGWIT.test(text);
  return SHAPES.get(chain)?.test(text) ?? true;
}
