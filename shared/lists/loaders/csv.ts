import { pipeline, Readable } from 'node:stream';
import { type Info, parse } from 'csv-parse';
import { ListFormatError, ListLimitError } from '../errors.ts';
import { entryCounter, overLimit } from '../limits.ts';
import type { PeekedInput } from '../peek.ts';

/** One CSV record and the line it starts on (for messages that say where a file broke). */
export interface CsvRow {
  readonly fields: readonly string[];
  readonly line: number;
}

/**
 * Streams the records of a CSV input. Quotes are relaxed because OFAC's files carry stray
 * quotes inside fields; an unclosed quote at the end (a truncated file) is still an error.
 */
export async function* csvRows(
  input: PeekedInput,
  options: { readonly delimiter?: string } = {},
): AsyncIterable<CsvRow> {
  const parser = parse({
    delimiter: options.delimiter ?? ',',
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    // csv-parse counts characters of the record it is building; past this it stops.
    max_record_size: input.limits.maxLineChars,
  });
  const count = entryCounter(input.name, input.limits);
  pipeline(Readable.from(input.text()), parser, () => {
    // Errors reach the loop below through the parser, which pipeline destroys with them.
  });
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      count(`line ${item.info.lines}`);
      yield { fields: item.record, line: item.info.lines };
    }
  } catch (e) {
    if (e instanceof ListFormatError || e instanceof ListLimitError) throw e;
    const lines = (e as { lines?: number }).lines;
    if ((e as { code?: string }).code === 'CSV_MAX_RECORD_SIZE')
      throw overLimit(
        input.limits,
        'maxLineChars',
        input.name,
        'the record length',
        `line ${lines}`,
      );
    throw new ListFormatError(
      input.name,
      lines ? `line ${lines}` : undefined,
      `malformed CSV: ${csvReason(e)}`,
    );
  }
}

function csvReason(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/Quote Not Closed/i.test(message)) return 'a quoted field is never closed (truncated file?)';
  return message.replace(/^Invalid (Record|Opening|Closing) /, (m) => m.toLowerCase());
}

/** A field with OFAC's null marker (`-0-`) and surrounding space removed. */
export function cell(value: string | undefined): string | undefined {
  const text = value?.trim();
  return !text || text === '-0-' ? undefined : text;
}
