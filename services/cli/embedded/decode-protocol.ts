import type { EncodedEvents } from './event-codec.ts';

/** A request to the reading thread about one input stream (streams are numbered by the caller). */
export type DecodeRequest =
  | {
      readonly kind: 'bytes';
      readonly stream: number;
      readonly bytes: Uint8Array;
      readonly maxLineBytes: number;
      /** The number of the stream's first line, on its first request (default 1). */
      readonly firstLine?: number;
      /** On its first request: events note where they can be read again, this plus their line's offset. */
      readonly refBase?: number;
    }
  /** The stream's bytes are all sent: decode its last line. */
  | { readonly kind: 'end'; readonly stream: number; readonly maxLineBytes: number }
  /** The stream was given up: forget its partial line. */
  | { readonly kind: 'drop'; readonly stream: number };

/** The answer to a `bytes` or `end` request: the lines it completed, decoded. */
export type DecodeReply =
  | {
      readonly stream: number;
      /** Non-blank lines read. */
      readonly lines: number;
      readonly refused: readonly { readonly line: number; readonly reason: string }[];
      readonly events: EncodedEvents;
    }
  | { readonly stream: number; readonly failure: string };
