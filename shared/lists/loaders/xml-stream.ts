import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ListFormatError, ListLimitError } from '../errors.ts';
import { entryCounter, overLimit } from '../limits.ts';
import type { PeekedInput } from '../peek.ts';

/** An element as the streaming parser hands it over: name and attributes, no children. */
export type XmlTag = SaxesTagPlain;

/** Callbacks of one streaming pass; text arrives only while `wantText()` says so. */
export interface XmlHandlers {
  open(tag: XmlTag): void;
  close(name: string): void;
  text(text: string): void;
  wantText(): boolean;
}

/** A problem the handlers found in well-formed XML; reported with the parser's position. */
export class XmlContentError extends Error {}

/**
 * Streams an XML input through saxes, chunk by chunk, so a 121 MB file never sits in memory.
 * Any break (truncation, bad syntax, wrong root) becomes one ListFormatError with line and column;
 * each `entry` element counts against the entry limit.
 */
export async function streamXml(
  input: PeekedInput,
  shape: { readonly root: string; readonly entry: string },
  handlers: XmlHandlers,
): Promise<void> {
  const { root, entry } = shape;
  const parser = new SaxesParser({ xmlns: false, position: true });
  const count = entryCounter(input.name, input.limits);
  let sawRoot = false;
  // saxes keeps a text, comment or tag whole until it ends: a run without markup is bounded
  // like a line, or one 1 GB text node would be held twice in memory.
  let lastTag = 0;
  parser.on('opentag', (tag) => {
    lastTag = parser.position;
    if (tag.name === entry) count(`line ${parser.line}`);
    if (!sawRoot) {
      sawRoot = true;
      if (tag.name !== root)
        throw new XmlContentError(`expected the root element <${root}>, found <${tag.name}>`);
    }
    handlers.open(tag);
  });
  parser.on('closetag', (tag) => {
    lastTag = parser.position;
    handlers.close(tag.name);
  });
  parser.on('text', (text) => {
    if (handlers.wantText()) handlers.text(text);
  });
  try {
    for await (const chunk of input.text()) {
      parser.write(chunk);
      if (parser.position - lastTag > input.limits.maxLineChars)
        throw overLimit(
          input.limits,
          'maxLineChars',
          input.name,
          'a run of text without markup',
          `line ${parser.line}`,
        );
    }
    if (!sawRoot) throw new XmlContentError('no XML element in the file (empty or truncated)');
    parser.close();
  } catch (e) {
    if (e instanceof ListFormatError || e instanceof ListLimitError) throw e;
    throw new ListFormatError(
      input.name,
      `line ${parser.line}, column ${parser.column + 1}`,
      xmlReason(e),
    );
  }
}

function xmlReason(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  // saxes prefixes its messages with "line:column: "; the location is reported separately.
  const text = message.replace(/^\d+:\d+:\s*/, '');
  if (/unclosed tag|document must contain a root/.test(text))
    return `the file ends early (truncated?): ${text}`;
  return e instanceof XmlContentError ? text : `malformed XML: ${text}`;
}
