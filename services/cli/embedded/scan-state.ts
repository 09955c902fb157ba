import { FileRestingStore, MemoryEngineState } from '../../../shared/engine/state/index.ts';
import { PackedStringMap } from './packed-strings.ts';

const TRANSFER = 't'.charCodeAt(0);
const EVENT = 'e'.charCodeAt(0);

/** A string value as written: a mark, then the string itself. */
const STRING = 's';
/** Any other value: a mark, then its JSON (native and cheap; a record's fields are JSON values). */
const JSON_VALUE = 'j';

function pack(value: unknown): string {
  return typeof value === 'string' ? STRING + value : JSON_VALUE + JSON.stringify(value);
}

function unpack<T>(packed: string): T {
  return (packed[0] === STRING ? packed.slice(1) : JSON.parse(packed.slice(1))) as T;
}

/**
 * The state of a scan: in memory (`MemoryEngineState`), except what a long history piles up
 * and hardly reads again, which waits in scratch files (`FileRestingStore`, costing the heap
 * a hashed index slot each): the records of transfers that moved payroll money (their
 * carried payout slices, read again only by a redelivery or a retraction: about 900 bytes
 * of heap each, most of a year's transfer records) and the envelopes of retained events
 * that cannot be read again from their input (`e:`, standard input and gzip). A transfer
 * that moved no payroll money is only its event id: that stays in memory, packed with its
 * key outside the heap (`PackedStringMap`: most of a year's records, which the garbage
 * collector would otherwise trace again and again), where a redelivery finds it without a read.
 */
export class ScanState extends MemoryEngineState {
  private transfers: FileRestingStore | undefined;
  private events: FileRestingStore | undefined;
  private readonly plainTransfers = new PackedStringMap();

  override get<T>(key: string): T | undefined {
    const kind = kindOf(key);
    if (kind === EVENT) return this.fromFile(this.events, key);
    if (kind !== TRANSFER) return super.get<T>(key);
    const plain = this.plainTransfers.get(key) as T | undefined;
    return plain !== undefined ? plain : this.fromFile(this.transfers, key);
  }

  override put(key: string, value: unknown): void {
    const kind = kindOf(key);
    if (kind === EVENT) {
      this.events ??= new FileRestingStore();
      this.events.set(key, pack(value));
    } else if (kind === TRANSFER && typeof value !== 'string') {
      this.transfers ??= new FileRestingStore();
      this.transfers.set(key, pack(value));
      this.plainTransfers.delete(key);
    } else if (kind === TRANSFER) {
      // A transfer applied again after a retraction: its record in memory now hides the one
      // in the file (reads look in memory first), so no file lookup on every transfer.
      this.plainTransfers.set(key, value as string);
    } else {
      super.put(key, value);
    }
  }

  override delete(key: string): void {
    const kind = kindOf(key);
    if (kind === EVENT) this.events?.delete(key);
    else if (kind === TRANSFER) {
      this.plainTransfers.delete(key);
      this.transfers?.delete(key);
    } else super.delete(key);
  }

  /** Removes the scratch files. */
  override close(): void {
    this.transfers?.close();
    this.events?.close();
    this.plainTransfers.clear();
    super.close();
  }

  private fromFile<T>(file: FileRestingStore | undefined, key: string): T | undefined {
    const packed = file?.get(key);
    return packed === undefined ? undefined : unpack<T>(packed);
  }
}

/** The code of a key's one-letter prefix (`t:` transfers, `e:` events), or -1 (wallets). */
function kindOf(key: string): number {
  return key.charCodeAt(1) === 58 ? key.charCodeAt(0) : -1;
}
