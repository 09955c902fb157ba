import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBase58check } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { InvalidAddressError, normalizeAddress } from '../../shared/address/index.ts';
import { AddressScreen, loadListFile, TagIndex } from '../../shared/lists/index.ts';

interface Vectors {
  bip173: {
    valid: string[];
    validTestnet: string[];
    supersededByBip350: string[];
    invalid: [string, string][];
  };
  bip350: { valid: string[]; validTestnet: string[]; invalid: [string, string][] };
  keyIo: {
    validMain: string[];
    validTestnet: string[];
    validMainPrivateKeys: string[];
    invalid: string[];
  };
  eip55: { valid: string[] };
  tron: { valid: string[]; invalid: [string, string][] };
}
const V: Vectors = JSON.parse(readFileSync('test/fixtures/address/vectors.json', 'utf8'));

const BITCOIN_VALID = [...new Set([...V.bip173.valid, ...V.bip350.valid, ...V.keyIo.validMain])];
const TESTNET = [...V.bip173.validTestnet, ...V.bip350.validTestnet, ...V.keyIo.validTestnet];
const base58check = createBase58check(
  (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest()),
);

/** One letter's case flipped: what a hand-copied address looks like, and what EIP-55 catches. */
function flipOneLetter(address: string): string {
  const at = [...address].findIndex((c, i) => i > 1 && /[a-fA-F]/.test(c));
  const c = address[at]!;
  const flipped = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
  return address.slice(0, at) + flipped + address.slice(at + 1);
}

/** Every legal way of writing the same address. */
function spellings(address: string, chain: string): string[] {
  if (/^(bc|BC)1/.test(address)) {
    const forms = [address.toLowerCase(), address.toUpperCase()];
    return [...forms, ...forms.map((f) => `bitcoin:${f}`)];
  }
  if (address.startsWith('0x')) {
    const lower = `0x${address.slice(2).toLowerCase()}`;
    return [
      lower,
      `0x${address.slice(2).toUpperCase()}`,
      normalizeAddress('ethereum', lower).canonical,
      `polygon:${lower}`,
    ];
  }
  if (chain === 'tron') {
    const t = normalizeAddress('tron', address).canonical;
    return [t, Buffer.from(base58check.decode(t)).toString('hex'), `tron:${t}`];
  }
  return [address, `${chain}:${address}`];
}

const EIP55_INVALID = V.eip55.valid
  .filter((a) => /[a-f]/.test(a.slice(2)) && /[A-F]/.test(a.slice(2)))
  .map(flipOneLetter);

/** Every official invalid vector, with what makes it invalid when the vector says. */
const INVALID: string[] = [
  ...V.bip173.invalid.map(([a]) => a),
  ...V.bip173.supersededByBip350,
  ...V.bip350.invalid.map(([a]) => a),
  ...V.keyIo.invalid.filter((a) => a !== ''),
  ...V.keyIo.validMainPrivateKeys,
  ...TESTNET,
  ...V.tron.invalid.map(([a]) => `tron:${a}`),
  ...EIP55_INVALID,
  'hello-this-is-not-an-address-at-all',
];

describe('address validation follows each specification', () => {
  it.each(BITCOIN_VALID)('accepts Bitcoin vector %s in upper and lower case', (a) => {
    const keys = new Set(
      spellings(a, 'bitcoin')
        .filter((s) => !s.includes(':'))
        .map((s) => normalizeAddress('bitcoin', s).key),
    );
    expect(keys.size).toBe(1);
  });

  it.each([...V.bip173.invalid, ...V.bip350.invalid])('refuses %s (%s)', (a) => {
    expect(() => normalizeAddress('bitcoin', a)).toThrow(InvalidAddressError);
  });

  it('names the checksum a witness version needs (BIP-350)', () => {
    expect(() => normalizeAddress('bitcoin', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh')).toThrow(
      /version 0 needs a bech32 checksum, not bech32m/,
    );
    expect(() =>
      normalizeAddress('bitcoin', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd'),
    ).toThrow(/version 1 needs a bech32m checksum, not bech32/);
    expect(() => normalizeAddress('bitcoin', 'BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P')).toThrow(
      /16 bytes \(20 or 32 allowed\)/,
    );
  });

  it.each(TESTNET)('refuses test-network address %s on bitcoin', (a) => {
    expect(() => normalizeAddress('bitcoin', a)).toThrow(/test-network/);
  });

  it('accepts EIP-55 vectors and refuses one flipped letter', () => {
    for (const a of V.eip55.valid)
      expect(normalizeAddress('ethereum', a).key).toBe(`evm:${a.toLowerCase()}`);
    for (const a of EIP55_INVALID) expect(() => normalizeAddress('ethereum', a)).toThrow(/EIP-55/);
  });

  it('accepts Tron accounts in both forms and refuses broken ones', () => {
    for (const a of V.tron.valid) expect(normalizeAddress('tron', a).key).toMatch(/^tron:T/);
    for (const [a] of V.tron.invalid)
      expect(() => normalizeAddress('tron', a)).toThrow(InvalidAddressError);
  });

  it('treats a chain named after an Object.prototype key as an unknown chain', () => {
    for (const chain of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(normalizeAddress(chain, V.eip55.valid[4]!).key).toBe(
        `evm:${V.eip55.valid[4]!.toLowerCase()}`,
      );
    }
  });
});

const LITECOIN = 'LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb';
const MONERO =
  '884Bz8UH63aYsjVdkfWfScRYWZGGNbjFL7pztqvWNSrtYT4reFSwyvkCj9KEGUtheHhhMUj87ciTBFyzoesrMJ4L1FvSoxL';
const ROWS = {
  bitcoin: BITCOIN_VALID.map((a) => [a, 'bitcoin']),
  tron: V.tron.valid.map((a) => [a, 'tron']),
  evm: V.eip55.valid.map((a) => [a, 'ethereum']),
  litecoin: [[LITECOIN, 'litecoin']],
  monero: [[MONERO, 'monero']],
} as const;
type Family = keyof typeof ROWS;

async function screenOver(families: readonly Family[]): Promise<AddressScreen> {
  const file = join(mkdtempSync(join(tmpdir(), 'fs-vectors-')), 'list.csv');
  const rows = families.flatMap((f) => ROWS[f].map(([a, c]) => `${a},${c},vector,sanctions,spec`));
  writeFileSync(file, `address,chain,label,category,source\n${rows.join('\n')}\n`);
  return new AddressScreen(new TagIndex([await loadListFile(file)]));
}

describe.each([
  [['bitcoin', 'tron']],
  [['bitcoin', 'tron', 'evm']],
  [['bitcoin', 'tron', 'litecoin']],
  [['bitcoin', 'tron', 'evm', 'litecoin', 'monero']],
] as Family[][][])('screening against a list of %j', (families) => {
  it('hits every valid vector in every legal spelling', async () => {
    const screen = await screenOver(families);
    const missed = families.flatMap((f) =>
      ROWS[f].flatMap(([a, chain]) => spellings(a, chain).filter((s) => !screen.screen(s).hit)),
    );
    expect(missed).toEqual([]);
  });

  it('refuses every invalid vector with a reason', async () => {
    const screen = await screenOver(families);
    const passed = INVALID.filter((a) => {
      try {
        screen.screen(a);
        return true;
      } catch (e) {
        return !(e instanceof InvalidAddressError && e.reason.length > 0);
      }
    });
    expect(passed).toEqual([]);
  });
});
