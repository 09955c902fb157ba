import { base58, base58xmr, base58xrp } from '@scure/base';
import { keccak256 } from 'ethers';
import { attempt, ensure } from './errors.ts';
import { base58check } from './utxo.ts';

/** Checks an address of a chain with its own rules; returns its canonical form. */
type Rule = (text: string) => string;

/** Monero: base58 in 8-byte blocks; network byte, two keys (and a payment id), Keccak checksum. */
function monero(text: string): string {
  // OFAC lists one Monero identifier as 64 hex digits (a key, not an address): keep it matchable.
  if (/^[0-9a-f]{64}$/.test(text)) return text;
  const bytes = attempt(() => base58xmr.decode(text), 'not Monero base58');
  ensure(bytes.length === 69 || bytes.length === 77, `Monero payload of ${bytes.length} bytes`);
  ensure([0x12, 0x13, 0x2a].includes(bytes[0]!), `unknown Monero network byte ${bytes[0]}`);
  const body = bytes.slice(0, -4);
  const sum = keccak256(body).slice(2, 10);
  ensure(Buffer.from(bytes.slice(-4)).toString('hex') === sum, 'bad Monero checksum');
  return text;
}

/** XRP Ledger classic address: base58check in Ripple's alphabet, account version 0 ("r…"). */
function xrp(text: string): string {
  ensure(/^r[1-9A-HJ-NP-Za-km-z]{24,34}$/.test(text), 'not an XRP r-address');
  // Ripple's alphabet is a permutation of Bitcoin's: re-spell, then check as base58check.
  const bytes = attempt(() => base58xrp.decode(text), 'not XRP base58');
  const payload = attempt(() => base58check.decode(base58.encode(bytes)), 'bad XRP checksum');
  ensure(payload.length === 21 && payload[0] === 0, 'not an XRP account id');
  return text;
}

/** Solana: a 32-byte public key in base58. */
function solana(text: string): string {
  const bytes = attempt(() => base58.decode(text), 'not base58');
  ensure(bytes.length === 32, `Solana key of ${bytes.length} bytes (32 expected)`);
  return text;
}

/** Bitcoin Cash CashAddr (prefix optional, one case) or a legacy base58check address. */
function bitcoinCash(text: string): string {
  const lower = text.toLowerCase();
  if (/^(bitcoincash:)?[qp][02-9ac-hj-np-z]{41}$/.test(lower)) {
    ensure(text === lower || text === text.toUpperCase(), 'mixed-case CashAddr');
    return lower.replace(/^bitcoincash:/, '');
  }
  const payload = attempt(() => base58check.decode(text), 'not CashAddr or base58check');
  ensure(payload.length === 21 && (payload[0] === 0 || payload[0] === 5), 'unknown version');
  return text;
}

const RULES: ReadonlyMap<string, Rule> = new Map([
  ['monero', monero],
  ['xrp', xrp],
  ['solana', solana],
  ['bitcoin-cash', bitcoinCash],
]);

/** The rule of a chain with its own address format here, if any. */
export function otherChainRule(chain: string): Rule | undefined {
  return RULES.get(chain);
}
