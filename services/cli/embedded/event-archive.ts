import { closeSync, openSync, readSync } from 'node:fs';
import { decodeEvent, type Envelope } from '../../../shared/contract/index.ts';
import type { EventArchive } from '../../../shared/engine/model/index.ts';
import type { NormalizedEvent } from '../../../shared/normalize/index.ts';
import { InputFileError } from './errors.ts';

/** Refs of one file span this many bytes: a ref is the file's index times this plus the line's offset. */
const FILE_SPAN = 2 ** 40;
const NEWLINE = 0x0a;
const CR = 0x0d;

/** One input file events are read again from, opened on the first read. */
interface ArchivedFile {
  readonly path: string;
  fd: number | undefined;
}

/**
 * The engine's retained events as places in the input files: a wallet's lookback log notes
 * the place of each event (a number, see `shared/engine/model/activity.ts`) instead of the
 * event packed in memory, and lookback, rare, reads the line again and decodes it the way
 * the reader did. Only plain JSONL files take part: standard input and gzip files cannot be
 * read at an offset, and their events stay in the engine's state.
 */
export class FileArchive implements EventArchive {
  private readonly files: ArchivedFile[] = [];
  private buf = Buffer.allocUnsafe(1 << 12);

  constructor(private readonly maxLineBytes: number) {}

  /** Registers a file: the ref base its reader adds to each line's offset. */
  add(path: string): number {
    this.files.push({ path, fd: undefined });
    return (this.files.length - 1) * FILE_SPAN;
  }

  placeOf(event: NormalizedEvent): number | undefined {
    return event.ref;
  }

  /** The event whose line starts at `ref`, decoded as the reader did. */
  read(ref: number): Envelope {
    const file = this.files[Math.floor(ref / FILE_SPAN)];
    if (!file) throw new RangeError(`no input file holds place ${ref}`);
    const offset = ref % FILE_SPAN;
    const text = this.lineAt(file, offset);
    try {
      return decodeEvent(offset === 0 ? text.replace(/^\uFEFF/, '') : text);
    } catch {
      throw new InputFileError(file.path, 'changed while it was being scanned');
    }
  }

  /** Closes the files opened for reading. */
  close(): void {
    for (const file of this.files) {
      if (file.fd !== undefined) closeSync(file.fd);
      file.fd = undefined;
    }
  }

  /** The text of the line starting at `offset` (without its line end). */
  private lineAt(file: ArchivedFile, offset: number): string {
    file.fd ??= openSync(file.path, 'r');
    let length = 0;
    for (;;) {
      if (length === this.buf.length) this.grow(file);
      const n = readSync(file.fd, this.buf, length, this.buf.length - length, offset + length);
      const nl = this.buf.subarray(0, length + n).indexOf(NEWLINE, length);
      length += n;
      if (nl >= 0 || n === 0) {
        let end = nl >= 0 ? nl : length;
        if (end > 0 && this.buf[end - 1] === CR) end--;
        return this.buf.toString('utf8', 0, end);
      }
    }
  }

  private grow(file: ArchivedFile): void {
    if (this.buf.length > this.maxLineBytes)
      throw new InputFileError(file.path, 'changed while it was being scanned');
    const bigger = Buffer.allocUnsafe(this.buf.length * 2);
    this.buf.copy(bigger);
    this.buf = bigger;
  }
}
