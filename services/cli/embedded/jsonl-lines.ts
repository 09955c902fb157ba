import { decodeEvent } from '../../../shared/contract/index.ts';
import { FlowsentryError } from '../../../shared/errors.ts';
import {
  type NormalizedEvent,
  normalizeEvent,
  normalizeRereadable,
} from '../../../shared/normalize/index.ts';
import type { Line } from './lines.ts';

/** Where decoded JSONL lines go: events, and the lines refused with their reason. */
export interface LineSink {
  event(event: NormalizedEvent): void;
  refuse(line: number, reason: string): void;
}

/** True for a line of spaces only (the common line starts with `{` and is told at once). */
function blank(text: string): boolean {
  return text.charCodeAt(0) !== 0x7b && text.trim() === '';
}

/**
 * Decodes lines of a JSONL file into events: a line over the size limit, or one that breaks
 * the contract, is refused with its reason; blank lines are skipped. Returns how many
 * non-blank lines there were. Anything that is not a contract violation is a bug and throws.
 * With `refBase`, each event notes where it can be read again: `refBase` plus its line's offset.
 */
export function decodeJsonlLines(
  lines: readonly Line[],
  maxLineBytes: number,
  sink: LineSink,
  refBase?: number,
): number {
  let counted = 0;
  for (const l of lines) {
    if ('tooLong' in l) {
      counted++;
      sink.refuse(l.line, tooLongReason(l.tooLong, maxLineBytes));
      continue;
    }
    if (blank(l.text)) continue;
    counted++;
    try {
      const envelope = decodeEvent(l.text);
      sink.event(
        refBase === undefined
          ? normalizeEvent(envelope)
          : normalizeRereadable(envelope, refBase + l.offset),
      );
    } catch (error) {
      if (!(error instanceof FlowsentryError && error.poison)) throw error;
      sink.refuse(l.line, error.message);
    }
  }
  return counted;
}

function tooLongReason(bytes: number, maxLineBytes: number): string {
  const limit = `${Math.round(maxLineBytes / (1024 * 1024))} MiB`;
  return `line of ${bytes.toLocaleString('en-US')} bytes is over the ${limit} limit of one event; skipped`;
}
