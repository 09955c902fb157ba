import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { forTerminal } from '../log/terminal.ts';
import { describeHead, detectFormat, loaderFor } from './detect.ts';
import { ListFormatError } from './errors.ts';
import type { ListFormat, LoadContext, LoadedList } from './loaders/loader.ts';
import { OFAC_SOURCE } from './loaders/ofac-advanced.ts';
import { loadOfacCsv } from './loaders/ofac-csv.ts';
import { type OpenOptions, openInputParts } from './open-input.ts';
import { type PeekedInput, peekInput } from './peek.ts';
import type { ListSnapshot } from './types.ts';
import { buildSnapshot } from './version.ts';

/** Options of a load: where warnings go, and overrides for the list name, origin and clock. */
export interface LoadOptions extends OpenOptions {
  /** Non-fatal problems (a malformed address skipped); default: dropped. */
  readonly warn?: (message: string) => void;
  /** The list's source name, instead of the one derived from the content or file name. */
  readonly source?: string;
  /** What to record as the origin (a URL for `lists sync`); default: the file names. */
  readonly origin?: readonly string[];
  readonly now?: Date;
}

interface Detected {
  readonly input: PeekedInput;
  readonly format: ListFormat;
}

const OFAC_FORMATS = new Set<ListFormat>(['ofac-advanced-xml', 'ofac-sdn-xml', 'ofac-sdn-csv']);
const OFAC_CSV_PARTS = new Set<ListFormat>([
  'ofac-sdn-csv',
  'ofac-comments-csv',
  'ofac-alt-csv',
  'ofac-add-csv',
]);

/** Loads one list file (any supported format, compressed or not) as one version. */
export async function loadListFile(path: string, options: LoadOptions = {}): Promise<ListSnapshot> {
  const snapshots = await loadListFiles([path], options);
  if (snapshots.length !== 1 || !snapshots[0]) {
    throw new ListFormatError(
      path,
      undefined,
      `holds ${snapshots.length} lists; load it with loadListFiles`,
    );
  }
  return snapshots[0];
}

/**
 * Loads list files, one version per list. OFAC's sdn.csv, sdn_comments.csv, alt.csv and add.csv
 * given together (or in one zip) make one version; every other file is a version of its own.
 */
export async function loadListFiles(
  paths: readonly string[],
  options: LoadOptions = {},
): Promise<ListSnapshot[]> {
  const detected: Detected[] = [];
  try {
    for (const path of paths) {
      for (const part of await openInputParts(path, options)) detected.push(await detect(part));
    }
    const snapshots: ListSnapshot[] = [];
    for (const group of groupInputs(detected)) snapshots.push(await loadGroup(group, options));
    return snapshots;
  } finally {
    await Promise.all(detected.map((d) => d.input.close()));
  }
}

async function detect(part: Parameters<typeof peekInput>[0]): Promise<Detected> {
  const input = await peekInput(part);
  const format = detectFormat(input.head);
  if (format) return { input, format };
  await input.close();
  throw new ListFormatError(input.name, 'first bytes', describeHead(input.head));
}

function groupInputs(detected: readonly Detected[]): Detected[][] {
  const csvSet = detected.filter((d) => OFAC_CSV_PARTS.has(d.format));
  const groups = detected.filter((d) => !OFAC_CSV_PARTS.has(d.format)).map((d) => [d]);
  if (csvSet.length === 0) return groups;
  const sdn = csvSet.filter((d) => d.format === 'ofac-sdn-csv');
  if (sdn.length !== 1) {
    const first = csvSet[0]!.input.name;
    const why =
      sdn.length === 0
        ? 'an OFAC sdn_comments.csv, alt.csv or add.csv completes sdn.csv: give them together'
        : 'several sdn.csv files in one load: import them one at a time';
    throw new ListFormatError(first, undefined, why);
  }
  return [...groups, csvSet];
}

async function loadGroup(group: Detected[], options: LoadOptions): Promise<ListSnapshot> {
  const first = group[0]!;
  const ctx: LoadContext = {
    source: options.source ?? defaultSource(first.format, first.input.name),
    // Warnings quote the file (names, addresses): nothing in them may steer a terminal.
    warn: (message) => options.warn?.(forTerminal(`${first.input.name}: ${message}`)),
  };
  const loaded = await loadInputs(group, ctx);
  if (loaded.entries.length === 0)
    throw new ListFormatError(first.input.name, undefined, 'the list is empty');
  return buildSnapshot({
    source: loaded.source,
    publishedAt: loaded.publishedAt,
    contentHash: groupHash(group),
    entries: loaded.entries,
    format: first.format,
    origin: options.origin ?? group.map((d) => d.input.name),
    loadedAt: options.now,
  });
}

async function loadInputs(group: Detected[], ctx: LoadContext): Promise<LoadedList> {
  const first = group[0]!;
  const loader = loaderFor(first.format);
  if (loader) return loader.load(first.input, ctx);
  const part = (format: ListFormat) => group.find((d) => d.format === format)?.input;
  return loadOfacCsv(
    {
      sdn: first.input,
      comments: part('ofac-comments-csv'),
      alt: part('ofac-alt-csv'),
      add: part('ofac-add-csv'),
    },
    ctx,
  );
}

/** One file: its own sha256. An OFAC CSV set: the sha256 of its files' hashes, sdn.csv first. */
function groupHash(group: readonly Detected[]): string {
  if (group.length === 1) return group[0]!.input.digest();
  const order = ['ofac-sdn-csv', 'ofac-comments-csv', 'ofac-alt-csv', 'ofac-add-csv'];
  const sorted = [...group].sort((a, b) => order.indexOf(a.format) - order.indexOf(b.format));
  return createHash('sha256')
    .update(sorted.map((d) => d.input.digest()).join('\n'))
    .digest('hex');
}

/** The list name when the content does not carry one: OFAC's formats share one, others use the file stem. */
export function defaultSource(format: ListFormat, name: string): string {
  if (OFAC_FORMATS.has(format)) return OFAC_SOURCE;
  if (format === 'ransomwhere-json') return 'ransomwhere';
  const prefix =
    format === 'graphsense-tagpack'
      ? 'graphsense'
      : format === 'opensanctions-ftm'
        ? 'opensanctions'
        : 'csv';
  return `${prefix}:${fileStem(name)}`;
}

function fileStem(name: string): string {
  let stem = basename(name.split('!').pop() ?? name);
  const ext = /\.(bz2|gz|zip|ya?ml|json|jsonl|ndjson|csv|txt|xml)$/i;
  while (ext.test(stem)) stem = stem.replace(ext, '');
  return stem.replace(/[^A-Za-z0-9_.-]+/g, '-') || 'list';
}
