import { describe, expect, it } from 'vitest';
import { guessChain, InvalidAddressError, normalizeAddress } from '../../shared/address/index.ts';

describe('address normalization', () => {
  it('gives one key to an EVM address in any case on every EVM chain', () => {
    const checksummed = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96';
    const keys = [
      normalizeAddress('ethereum', checksummed).key,
      normalizeAddress('arbitrum', checksummed.toLowerCase()).key,
      normalizeAddress('bsc', `0x${checksummed.slice(2).toUpperCase()}`).key,
    ];
    expect(new Set(keys)).toEqual(new Set(['evm:0x098b716b8aaf21512996dc57eb0615e2383e2f96']));
    expect(normalizeAddress('polygon', checksummed.toLowerCase()).canonical).toBe(checksummed);
  });

  it('refuses a mixed-case EVM address with a broken checksum, and short ones', () => {
    expect(() =>
      normalizeAddress('ethereum', '0x098b716B8Aaf21512996dC57EB0615e2383E2f96'),
    ).toThrow(/checksum/);
    expect(() => normalizeAddress('ethereum', '0x1234')).toThrow(InvalidAddressError);
  });

  it('maps the Tron 41-hex form onto the T-address', () => {
    const t = normalizeAddress('tron', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t');
    const hex = normalizeAddress('tron', '41a614f803b6fd780986a42c78ec9c7f77e6ded13c');
    expect(hex.key).toBe(t.key);
    expect(t.canonical).toBe('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t');
    expect(() => normalizeAddress('tron', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u')).toThrow(
      InvalidAddressError,
    );
  });

  it('checks Bitcoin base58 and bech32 checksums', () => {
    expect(normalizeAddress('bitcoin', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa').key).toBe(
      'bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
    );
    const upper = normalizeAddress('bitcoin', 'BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ');
    expect(upper.key).toBe('bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq');
    expect(() => normalizeAddress('bitcoin', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb')).toThrow(
      InvalidAddressError,
    );
    expect(() => normalizeAddress('bitcoin', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx')).toThrow(
      /bech32/,
    );
  });

  it('guesses the chain of a bare address by its shape', () => {
    expect(guessChain('0x098B716B8Aaf21512996dC57EB0615e2383E2f96')).toBe('ethereum');
    expect(guessChain('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toBe('tron');
    expect(guessChain('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')).toBe('bitcoin');
  });
});
