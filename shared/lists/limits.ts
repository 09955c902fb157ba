import { type Env, integer } from '../config/integer.ts';
import { ListLimitError } from './errors.ts';

/**
 * How much one list file may make Flowsentry do. A few hundred KB of gzip or zip can expand
 * to gigabytes, so every loader stops at these with one line naming the variable to raise.
 */
export interface ListLimits {
  /** FLOWSENTRY_LIST_MAX_BYTES: decompressed bytes of one file or zip member. */
  readonly maxBytes: number;
  /** FLOWSENTRY_LIST_MAX_YAML_BYTES: a YAML file (TagPack); parsing costs ~0.4 µs a byte. */
  readonly maxYamlBytes: number;
  /** FLOWSENTRY_LIST_MAX_LINE_CHARS: one line (JSONL) or CSV record. */
  readonly maxLineChars: number;
  /** FLOWSENTRY_LIST_MAX_ENTRIES: records (lines, rows, tags, parties) in one file. */
  readonly maxEntries: number;
  /** FLOWSENTRY_LIST_MAX_ZIP_MEMBERS: files in one zip archive. */
  readonly maxZipMembers: number;
}

/**
 * The defaults: 8 times the 121 MB OFAC SDN_ADVANCED.XML; YAML parses at about 0.4 µs and
 * 40 bytes of garbage a byte, so a TagPack stops at 2 MB, a few seconds (public ones are tens of KB);
 * OpenSanctions lines and OFAC rows are far below 8 Mi characters; OFAC's CSV zip has 4 files.
 */
export const DEFAULT_LIST_LIMITS: ListLimits = Object.freeze({
  maxBytes: 1_073_741_824,
  maxYamlBytes: 2_097_152,
  maxLineChars: 8_388_608,
  maxEntries: 2_000_000,
  maxZipMembers: 100,
});

/** The variable that sets each limit. */
export const LIST_LIMIT_VARIABLES: Readonly<Record<keyof ListLimits, string>> = Object.freeze({
  maxBytes: 'FLOWSENTRY_LIST_MAX_BYTES',
  maxYamlBytes: 'FLOWSENTRY_LIST_MAX_YAML_BYTES',
  maxLineChars: 'FLOWSENTRY_LIST_MAX_LINE_CHARS',
  maxEntries: 'FLOWSENTRY_LIST_MAX_ENTRIES',
  maxZipMembers: 'FLOWSENTRY_LIST_MAX_ZIP_MEMBERS',
});

/** Reads the limits from the environment; a bad value is a ConfigError naming the variable. */
export function listLimits(env: Env = process.env): ListLimits {
  const read = (key: keyof ListLimits) =>
    integer(env, LIST_LIMIT_VARIABLES[key], DEFAULT_LIST_LIMITS[key], 1, Number.MAX_SAFE_INTEGER);
  return Object.freeze({
    maxBytes: read('maxBytes'),
    maxYamlBytes: read('maxYamlBytes'),
    maxLineChars: read('maxLineChars'),
    maxEntries: read('maxEntries'),
    maxZipMembers: read('maxZipMembers'),
  });
}

/** The error for `file` past `key`'s limit; `what` says what was counted. */
export function overLimit(
  limits: ListLimits,
  key: keyof ListLimits,
  file: string,
  what: string,
  where?: string,
): ListLimitError {
  return new ListLimitError(file, where, what, limits[key], LIST_LIMIT_VARIABLES[key]);
}

/** Passes chunks on and stops with a ListLimitError once they add up past maxBytes. */
export async function* capBytes(
  chunks: AsyncIterable<Buffer>,
  file: string,
  limits: ListLimits,
): AsyncIterable<Buffer> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > limits.maxBytes)
      throw overLimit(limits, 'maxBytes', file, 'the decompressed content');
    yield chunk;
  }
}

/** A counter of records that throws once a file holds more than maxEntries. */
export function entryCounter(file: string, limits: ListLimits): (where?: string) => void {
  let count = 0;
  return (where) => {
    if (++count > limits.maxEntries)
      throw overLimit(limits, 'maxEntries', file, 'the number of entries', where);
  };
}
