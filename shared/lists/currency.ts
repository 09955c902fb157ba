import { familyOf, guessChain, InvalidAddressError, normalizeAddress } from '../address/index.ts';
import { ownValue } from './own.ts';
import type { ListedAddress } from './types.ts';

const EVM_RE = /^0x[0-9a-fA-F]{40}$/;
const TRON_RE = /^T[1-9A-HJ-NP-Za-km-z]{33}$/;
const SOLANA_RE = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;

/** Currency codes (OFAC's, GraphSense's, OpenSanctions') whose chain does not depend on the address. */
const FIXED: Readonly<Record<string, string>> = Object.freeze({
  XBT: 'bitcoin',
  BTC: 'bitcoin',
  ETH: 'ethereum',
  ARB: 'arbitrum',
  BSC: 'bsc',
  TRX: 'tron',
  LTC: 'litecoin',
  XMR: 'monero',
  BCH: 'bitcoin-cash',
  BSV: 'bitcoin-sv',
  BTG: 'bitcoin-gold',
  DASH: 'dash',
  ETC: 'ethereum-classic',
  SOL: 'solana',
  XRP: 'xrp',
  XVG: 'verge',
  ZEC: 'zcash',
  DOGE: 'dogecoin',
  MATIC: 'polygon',
  POL: 'polygon',
  AVAX: 'avalanche',
  OP: 'optimism',
  BASE: 'base',
  ADA: 'cardano',
  XLM: 'stellar',
  TON: 'ton',
  ALGO: 'algorand',
});

/** Tokens that live on several chains: the address shape tells which one. */
function tokenChain(code: string, address: string): string | undefined {
  if (code !== 'USDT' && code !== 'USDC' && code !== 'BNB' && code !== 'BUSD') return undefined;
  if (EVM_RE.test(address)) return code === 'BNB' || code === 'BUSD' ? 'bsc' : 'ethereum';
  if (TRON_RE.test(address)) return 'tron';
  if (code === 'BNB') return 'bnb-beacon';
  // Tether's first issue ran on Bitcoin through Omni: those addresses are Bitcoin addresses.
  if (code === 'USDT' && /^(1|3|bc1)/i.test(address)) return 'bitcoin';
  if (SOLANA_RE.test(address)) return 'solana';
  return code === 'USDT' ? 'bitcoin' : 'ethereum';
}

/** The chain of an address and, when the publisher gave a currency code (not a chain name), that code. */
export interface ChainAndCurrency {
  readonly chain: string;
  readonly currency?: string;
}

/**
 * The chain of a listed address from the publisher's currency code or chain name.
 * A plain lowercase chain name (`ethereum`, `tron`, `litecoin`) is taken as it is.
 */
export function chainFor(codeOrChain: string | undefined, address: string): string {
  return resolveChain(codeOrChain, address).chain;
}

function resolveChain(codeOrChain: string | undefined, address: string): ChainAndCurrency {
  const text = (codeOrChain ?? '').trim();
  const code = text.toUpperCase().replace(/^(ERC20|TRC20)[-_: ]?/, '');
  const token = tokenChain(code, address.trim());
  if (token) return { chain: token, currency: code };
  const fixed = ownValue(FIXED, code);
  if (fixed) return { chain: fixed, currency: code };
  if (/^[a-z][a-z0-9-]*$/.test(text)) return { chain: text };
  const guessed = guessChain(address);
  return { chain: guessed === 'unknown' ? text.toLowerCase() || 'unknown' : guessed };
}

/**
 * A listed address normalized for its chain. When the address does not fit the chain its
 * currency names (OFAC lists one Tron T-address under XBT), its shape decides instead.
 * Throws InvalidAddressError when it fits neither.
 */
export function listedAddress(codeOrChain: string | undefined, address: string): ListedAddress {
  const text = address.trim();
  const { chain, currency } = resolveChain(codeOrChain, text);
  try {
    return make(chain, text, currency);
  } catch (e) {
    if (!(e instanceof InvalidAddressError)) throw e;
    // Publishers mix checksummed and lowercase 0x forms, and a typo in the case is still that account.
    if (EVM_RE.test(text)) {
      const evmChain = familyOf(chain, text) === 'evm' ? chain : 'ethereum';
      return make(evmChain, text.toLowerCase(), currency);
    }
    const guessed = guessChain(text);
    if (guessed === 'unknown' || guessed === chain) throw e;
    return make(guessed, text, currency);
  }
}

function make(chain: string, text: string, currency: string | undefined): ListedAddress {
  const n = normalizeAddress(chain, text);
  return currency === undefined
    ? { chain, address: n.canonical, key: n.key }
    : { chain, address: n.canonical, key: n.key, currency };
}
