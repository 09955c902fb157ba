import { describe, expect, it } from 'vitest';
import { mayBeAddressOf, normalizeAddress } from '../../shared/address/index.ts';
import { loadListFile } from '../../shared/lists/index.ts';

describe('address shape pre-check', () => {
  it('lets through every address its chain accepts among the listed OFAC sample', async () => {
    const snapshot = await loadListFile('test/fixtures/lists/sdn_advanced_small.xml');
    const addresses = snapshot.entries.flatMap((e) => e.addresses);
    const valid = addresses.filter((a) => {
      try {
        normalizeAddress(a.chain, a.address);
        return true;
      } catch {
        return false;
      }
    });
    expect(valid.length).toBeGreaterThan(10);
    expect(valid.filter((a) => !mayBeAddressOf(a.chain, a.address))).toEqual([]);
  });

  it.each([
    ['litecoin', 'LaMT348PWRnrqeeWArpwQPbuanpXDZGEUz'],
    ['litecoin', 'ltc1qg82r2rdgdk5zppdp2e7vd7yl8pplhvn6y7wdqd'],
    [
      'monero',
      '4AdUndXHHZ6cfufTMvppY6JwXNouMBzSkbLYfpAV5Usx3skxNgYeYTRj5UzqtReoS44qo9mtmXCqY45DJ852K5Jv2684Rge',
    ],
    ['xrp', 'rPT1Sjq2YGrBMTttX4GZHjKu9dyfzbpAYe'],
    ['bitcoin-cash', 'qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a'],
  ])('keeps a %s address of the right shape: %s', (chain, address) => {
    expect(mayBeAddressOf(chain, address)).toBe(true);
  });

  it('turns away what no address of the chain looks like', () => {
    const evm = '0x8589427373d6d84e98730d7795d8f6f8731fda16';
    for (const chain of ['litecoin', 'monero', 'xrp', 'solana', 'bitcoin-cash', 'zcash']) {
      expect(mayBeAddressOf(chain, evm)).toBe(false);
    }
    expect(mayBeAddressOf('litecoin', 'hello-this-is-not-an-address-at-all')).toBe(false);
  });
});
