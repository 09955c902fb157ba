import type { PeekedInput } from '../peek.ts';
import type { ListEntry } from '../types.ts';

/** Every list format Flowsentry reads, as detection names it. */
export type ListFormat =
  | 'ofac-advanced-xml'
  | 'ofac-sdn-xml'
  | 'ofac-sdn-csv'
  | 'ofac-comments-csv'
  | 'ofac-alt-csv'
  | 'ofac-add-csv'
  | 'opensanctions-ftm'
  | 'graphsense-tagpack'
  | 'ransomwhere-json'
  | 'plain-csv'
  | 'person-csv';

/** What a loader may use besides the input: where to send warnings and the default list name. */
export interface LoadContext {
  /** A non-fatal problem (a malformed address that was skipped). */
  readonly warn: (message: string) => void;
  /** The list's source name when the content does not say (derived from the file name or given). */
  readonly source: string;
}

/** A loader's result; the version is built around it from the content hash. */
export interface LoadedList {
  readonly source: string;
  /** The publication date the content states (ISO date), if it states one. */
  readonly publishedAt?: string;
  readonly entries: readonly ListEntry[];
}

/** One format: a sniff on the head of the content, and a load of the whole of it. */
export interface ListLoader {
  readonly format: ListFormat;
  sniff(head: string): boolean;
  load(input: PeekedInput, ctx: LoadContext): Promise<LoadedList>;
}
