import { graphSenseLoader } from './loaders/graphsense.ts';
import type { ListFormat, ListLoader } from './loaders/loader.ts';
import { ofacAdvancedLoader } from './loaders/ofac-advanced.ts';
import { sniffAddCsv, sniffAltCsv, sniffSdnComments, sniffSdnCsv } from './loaders/ofac-csv.ts';
import { ofacSdnXmlLoader } from './loaders/ofac-sdn-xml.ts';
import { openSanctionsLoader } from './loaders/opensanctions.ts';
import { personCsvLoader } from './loaders/person-csv.ts';
import { plainCsvLoader } from './loaders/plain-csv.ts';
import { ransomwhereLoader } from './loaders/ransomwhere.ts';

/** Loaders that read one input on their own, in the order their sniffs are tried. */
export const SINGLE_LOADERS: readonly ListLoader[] = [
  ofacAdvancedLoader,
  ofacSdnXmlLoader,
  openSanctionsLoader,
  ransomwhereLoader,
  graphSenseLoader,
];

/** The parts of OFAC's legacy CSV set, tried after the single loaders and before the plain CSV. */
const OFAC_CSV_SNIFFS: readonly [ListFormat, (head: string) => boolean][] = [
  ['ofac-sdn-csv', sniffSdnCsv],
  ['ofac-alt-csv', sniffAltCsv],
  ['ofac-add-csv', sniffAddCsv],
  ['ofac-comments-csv', sniffSdnComments],
];

/**
 * Tells the format of a list from the first bytes of its (decompressed) content; the file
 * name plays no part, so a renamed or extension-less download loads the same.
 */
export function detectFormat(head: string): ListFormat | undefined {
  for (const loader of SINGLE_LOADERS) if (loader.sniff(head)) return loader.format;
  for (const [format, sniff] of OFAC_CSV_SNIFFS) if (sniff(head)) return format;
  if (personCsvLoader.sniff(head)) return 'person-csv';
  return plainCsvLoader.sniff(head) ? 'plain-csv' : undefined;
}

/** The loader of a single-input format; undefined for the OFAC CSV parts, which load as a set. */
export function loaderFor(format: ListFormat): ListLoader | undefined {
  if (format === 'plain-csv') return plainCsvLoader;
  if (format === 'person-csv') return personCsvLoader;
  return SINGLE_LOADERS.find((l) => l.format === format);
}

/** A short, printable view of the start of an unknown file, for the refusal message. */
export function describeHead(head: string): string {
  const text = head.trimStart();
  if (!text) return 'the file is empty';
  // Binary content (control characters, undecodable bytes) is shown as dots.
  const shown = [...text.slice(0, 48)]
    .map((c) => (c === '\ufffd' || (c < ' ' && !/\s/.test(c)) ? '.' : c))
    .join('')
    .replace(/\s+/g, ' ');
  return `unknown list format: it starts with ${JSON.stringify(shown)}`;
}
