import { bech32, bech32m } from '@scure/base';
import { AddressRuleError, attempt, ensure } from './errors.ts';

/** A decoded native segwit address. */
export interface WitnessProgram {
  readonly hrp: string;
  readonly version: number;
  readonly program: Uint8Array;
}

/** The human-readable parts a chain accepts, and those of its test networks (named in refusals). */
export interface SegwitPrefixes {
  readonly main: string;
  readonly test: readonly string[];
}

type Bech32Text = `${string}1${string}`;
/** BIP-173: a segwit address is at most 90 characters. */
const MAX_LENGTH = 90;

function checksumOf(lower: string): { encoding: 'bech32' | 'bech32m'; words: number[] } {
  const text = lower as Bech32Text;
  try {
    return { encoding: 'bech32', words: [...bech32.decode(text, MAX_LENGTH).words] };
  } catch {
    // Not bech32: the only other checksum a segwit address may carry is bech32m (BIP-350).
  }
  const decoded = attempt(() => bech32m.decode(text, MAX_LENGTH), 'bad bech32/bech32m checksum');
  return { encoding: 'bech32m', words: [...decoded.words] };
}

/**
 * Decodes a native segwit address under BIP-173 as amended by BIP-350: one letter case, the
 * chain's prefix, witness version 0-16, version 0 with a bech32 checksum and a 20- or 32-byte
 * program, versions 1-16 with a bech32m checksum and a 2- to 40-byte program, zero padding of
 * at most 4 bits. Throws AddressRuleError naming the rule broken.
 */
export function decodeSegwit(text: string, prefixes: SegwitPrefixes): WitnessProgram {
  const lower = text.toLowerCase();
  ensure(text === lower || text === text.toUpperCase(), 'mixed-case bech32');
  const hrp = lower.slice(0, lower.lastIndexOf('1'));
  if (prefixes.test.includes(hrp)) {
    throw new AddressRuleError(`test-network address (prefix ${hrp}1) on a main-network chain`);
  }
  ensure(hrp === prefixes.main, `prefix ${hrp}1 is not ${prefixes.main}1`);
  const { encoding, words } = checksumOf(lower);
  ensure(words.length > 0, 'empty data part');
  const version = words[0]!;
  ensure(version <= 16, `witness version ${version} is above 16`);
  const wanted = version === 0 ? 'bech32' : 'bech32m';
  ensure(
    encoding === wanted,
    `witness version ${version} needs a ${wanted} checksum, not ${encoding} (BIP-350)`,
  );
  const program = attempt(
    () => bech32.fromWords(words.slice(1)),
    'bad padding in the witness program',
  );
  ensure(
    program.length >= 2 && program.length <= 40,
    `witness program of ${program.length} bytes (2 to 40 allowed)`,
  );
  ensure(
    version !== 0 || program.length === 20 || program.length === 32,
    `version 0 witness program of ${program.length} bytes (20 or 32 allowed)`,
  );
  return { hrp, version, program };
}
