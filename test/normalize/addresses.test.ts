import { describe, expect, it } from 'vitest';
import { normalizeAddress } from '../../shared/address/index.ts';
import { envelope } from '../../shared/contract/index.ts';
import { InvalidEventError } from '../../shared/errors.ts';
import { normalizeEvent } from '../../shared/normalize/index.ts';

const EVM = '0x52908400098527886E0F7030069857D2E4169EE7';
const TRON = 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7';
const BTC = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';

/** The wallet keys an extortion report naming these wallets gets. */
function reportedKeys(addresses: { chain: string; address: string }[]): string[] {
  const e = envelope(
    'extortion.reported',
    { reportId: 'rep-1', addresses },
    { id: 'e-1', occurredAt: '2026-11-01T00:00:00Z', source: 'test' },
  );
  return normalizeEvent(e).wallets.map((w) => w.key);
}

describe('a reported wallet as victims and analysts write it', () => {
  it('keys a wallet on the chain names people use for it as the list keys it', () => {
    const tron = normalizeAddress('tron', TRON).key;
    const btc = normalizeAddress('bitcoin', BTC).key;
    expect(
      reportedKeys([
        { chain: 'trc20', address: TRON },
        { chain: 'trx', address: TRON },
        { chain: 'usdt-trc20', address: TRON },
        { chain: 'btc', address: BTC },
        { chain: 'xbt', address: BTC.toUpperCase() },
      ]),
    ).toEqual([tron, tron, tron, btc, btc]);
  });

  it('reads an address given as a payment link, with a capital 0X or without 0x', () => {
    const evm = normalizeAddress('ethereum', EVM).key;
    expect(
      reportedKeys([
        { chain: 'ethereum', address: `ethereum:${EVM}@1` },
        { chain: 'ethereum', address: `ethereum:${EVM.toLowerCase()}?value=1e18` },
        { chain: 'polygon', address: `0X${EVM.slice(2)}` },
        { chain: 'ethereum', address: EVM.slice(2) },
        { chain: 'bitcoin', address: `bitcoin:${BTC}?amount=0.5` },
      ]),
    ).toEqual([evm, evm, evm, evm, normalizeAddress('bitcoin', BTC).key]);
  });

  it('still refuses what is no address, and keeps a wallet sharing a prefix apart', () => {
    expect(() => reportedKeys([{ chain: 'ethereum', address: 'not-an-address-at-all-x' }])).toThrow(
      InvalidEventError,
    );
    const [a, b] = reportedKeys([
      { chain: 'ethereum', address: EVM },
      { chain: 'ethereum', address: `${EVM.slice(0, -2)}00` },
    ]);
    expect(a).not.toBe(b);
  });
});
