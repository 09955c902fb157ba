import { familyOf } from '../address/index.ts';

// Victims and analysts name a wallet's chain by its token standard or ticker ("TRC20",
// "BTC") and paste addresses as payment links or without their 0x. Brought to the chain names
// and address forms shared/address knows here, so such a report keys its wallet as the
// lists and the chain do instead of naming another wallet, or being refused.

/** Chain names people use for a chain whose addresses key apart from the EVM chains. */
const CHAIN_ALIASES: ReadonlyMap<string, string> = new Map([
  ['trc20', 'tron'],
  ['trc-20', 'tron'],
  ['trx', 'tron'],
  ['usdt-trc20', 'tron'],
  ['tron-trc20', 'tron'],
  ['btc', 'bitcoin'],
  ['xbt', 'bitcoin'],
  ['bitcoin-mainnet', 'bitcoin'],
]);

/** The chain name shared/address knows for `chain`. */
export function chainName(chain: string): string {
  return CHAIN_ALIASES.get(chain) ?? chain;
}

/** URI schemes of payment links (BIP-21 `bitcoin:`, EIP-681 `ethereum:`, `tron:`). */
const PAYMENT_SCHEMES = /^(?:bitcoin|ethereum|tron|litecoin|bitcoincash):(?!\/\/)/i;

/**
 * An address as shared/address reads it: a payment link's scheme, `pay-` prefix, `@chainId`,
 * path and query dropped (`ethereum:0xabc…@1?value=1e18`), a capital `0X` written `0x`, and
 * 40 hex digits on an EVM chain given their `0x`. Anything else is left as written.
 */
export function addressText(chain: string, address: string): string {
  let text = address.trim();
  if (PAYMENT_SCHEMES.test(text))
    text = text
      .replace(PAYMENT_SCHEMES, '')
      .replace(/^pay-/i, '')
      .replace(/[@/?].*$/, '');
  if (text.startsWith('0X')) text = `0x${text.slice(2)}`;
  if (/^[0-9a-fA-F]{40}$/.test(text) && familyOf(chain) === 'evm') text = `0x${text}`;
  return text;
}
