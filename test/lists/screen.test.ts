import { describe, expect, it } from 'vitest';
import {
  AddressScreen,
  chainFor,
  listedAddress,
  loadListFile,
  TagIndex,
} from '../../shared/lists/index.ts';

const F = 'test/fixtures/lists';

describe('currency codes to chains', () => {
  it('maps OFAC codes, and USDT, USDC and BNB by the shape of the address', () => {
    expect(chainFor('XBT', '1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ')).toBe('bitcoin');
    expect(chainFor('ARB', '0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c')).toBe('arbitrum');
    expect(chainFor('USDT', 'TA3941uFAvmVibSkQ6fMJXxmaSNovX86mz')).toBe('tron');
    expect(chainFor('USDT', '0xb6f5ec1a0a9cd1526536d3f0426c429529471f40')).toBe('ethereum');
    expect(chainFor('USDT', '1KUUJPkyDhamZXgpsyXqNGc3x1QPXtdhgz')).toBe('bitcoin');
    expect(chainFor('USDC', '42RLPACwZPx3vYYmxSueqsogfynBDqXK298EDsNoyoHi')).toBe('solana');
    expect(chainFor('BNB', 'bnb136ns6lfw4zs5hg4n85vdthaad7hq5m4gtkgf23')).toBe('bnb-beacon');
    expect(chainFor('litecoin', 'LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb')).toBe('litecoin');
    expect(chainFor(undefined, 'TA3941uFAvmVibSkQ6fMJXxmaSNovX86mz')).toBe('tron');
  });

  it('lets the shape decide when the address does not fit its currency (a T-address listed under XBT)', () => {
    expect(listedAddress('XBT', 'TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq')).toMatchObject({
      chain: 'tron',
      currency: 'XBT',
    });
  });

  it('accepts a 0x address with a broken checksum as its lowercase form', () => {
    const a = listedAddress('ETH', '0x098b716B8Aaf21512996dC57EB0615e2383E2f96');
    expect(a.key).toBe('evm:0x098b716b8aaf21512996dc57eb0615e2383e2f96');
  });
});

describe('AddressScreen', () => {
  const screen = async () =>
    new AddressScreen(new TagIndex([await loadListFile(`${F}/sdn_advanced_small.xml`)]));

  it('hits a listed 0x address in any letter case, naming the list version', async () => {
    const s = await screen();
    const checksummed = '0x4F47Bc496083C727c5fbe3CE9CDf2B0f6496270c';
    for (const form of [
      checksummed,
      checksummed.toLowerCase(),
      `0x${checksummed.slice(2).toUpperCase()}`,
    ]) {
      const r = s.screen(form);
      expect(r).toMatchObject({ address: form, chain: 'ethereum', hit: true });
      expect(r.matches).toHaveLength(1);
      expect(r.matches[0]).toMatchObject({
        entryId: '42498',
        name: 'Sim, Hyon Sop',
        programs: ['NPWMD'],
        source: 'ofac-sdn',
      });
      expect(r.matches[0]!.listVersion).toMatch(/^ofac-sdn@2025-11-19#[0-9a-f]{12}$/);
    }
  });

  it('refuses a 0x address whose letter case breaks EIP-55, saying so', async () => {
    const s = await screen();
    expect(() => s.screen('0x098b716B8Aaf21512996dC57EB0615e2383E2f96')).toThrow(/EIP-55/);
  });

  it("never takes a malformed Bitcoin or Tron address as another chain's plain text", async () => {
    const s = await screen();
    expect(() => s.screen('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5')).toThrow(/checksum/);
    expect(() => s.screen('TA3941uFAvmVibSkQ6fMJXxmaSNovX86mx')).toThrow(/invalid tron address/);
    expect(() => s.screen('hello-this-is-not-an-address-at-all')).toThrow(/not an address/);
  });

  it('screens chain:address on a chain named after an Object.prototype key as EVM', async () => {
    const r = (await screen()).screen('constructor:0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c');
    expect(r.hit).toBe(true);
  });

  it('takes chain:address, finds Monero and Tron, and misses clean wallets', async () => {
    const s = await screen();
    expect(s.screen('tron:TA3941uFAvmVibSkQ6fMJXxmaSNovX86mz')).toMatchObject({
      chain: 'tron',
      hit: true,
    });
    expect(
      s.screen(
        '884Bz8UH63aYsjVdkfWfScRYWZGGNbjFL7pztqvWNSrtYT4reFSwyvkCj9KEGUtheHhhMUj87ciTBFyzoesrMJ4L1FvSoxL',
      ),
    ).toMatchObject({
      chain: 'monero',
      hit: true,
    });
    expect(s.screen('0x1111111111111111111111111111111111111111')).toEqual({
      address: '0x1111111111111111111111111111111111111111',
      chain: 'ethereum',
      hit: false,
      matches: [],
    });
  });

  it('refuses what is no address', async () => {
    const s = await screen();
    expect(() => s.screen('0x1234')).toThrow(/not an address/);
    expect(() => s.screen('hello world')).toThrow(/not an address/);
    expect(() => s.screen('tron:TNotAnAddress')).toThrow(/invalid tron address/);
  });
});
