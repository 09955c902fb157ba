import { FileRestingStore, MemoryEngineState } from '../../../shared/engine/state/index.ts';
import { AgedRest } from './aged-rest.ts';

const TRANSFER = 't'.charCodeAt(0);
const EVENT = 'e'.charCodeAt(0);
const PAYOUT = 'p'.charCodeAt(0);
const ATTRIBUTE = 'x'.charCodeAt(0);

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
 * and hardly reads again, which waits in scratch files (`FileRestingStore`, costing a
 * hashed index slot each, 12 bytes outside the heap at most 70% full): the records of
 * transfers (`t:`, read again only by a redelivery or a retraction, most of a year's
 * records: a transfer that moved payroll money carries its payout slices, about 900 bytes
 * of heap as an object; one that moved none is only its event id) and the envelopes of
 * retained events that cannot be read again from their input (`e:`, standard input and
 * gzip). A transfer seen for the first time is looked up in vain, which the index answers
 * without reading the file. Payouts (`p:`, read once when they execute) and attribute index
 * entries (`x:`, read when another profile or a report names the same attribute) stay objects
 * while in use and go to a scratch file once unused for a while (`AgedRest`): as objects,
 * the 192,000 payouts and 109,000 entries of a million-event history held some 90 MB of heap.
 */
export class ScanState extends MemoryEngineState {
  private transfers: FileRestingStore | undefined;
  private events: FileRestingStore | undefined;
  /** Payouts and attribute index entries: objects while in use, at rest once unused for a while. */
  private readonly aged: AgedRest;

  constructor(options: { readonly restAfterBatches?: number } = {}) {
    super();
    this.aged = new AgedRest(options.restAfterBatches);
  }

  override get<T>(key: string): T | undefined {
    const kind = kindOf(key);
    if (kind === PAYOUT || kind === ATTRIBUTE) return this.aged.get<T>(key);
    if (kind === EVENT) return this.fromFile(this.events, key);
    if (kind !== TRANSFER) return super.get<T>(key);
    return this.fromFile(this.transfers, key);
  }

  override put(key: string, value: unknown): void {
    const kind = kindOf(key);
    if (kind === PAYOUT || kind === ATTRIBUTE) {
      this.aged.put(key, value);
    } else if (kind === EVENT) {
      this.events ??= new FileRestingStore();
      this.events.set(key, pack(value));
    } else if (kind === TRANSFER) {
      this.transfers ??= new FileRestingStore();
      this.transfers.set(key, pack(value));
    } else {
      super.put(key, value);
    }
  }

  override delete(key: string): void {
    const kind = kindOf(key);
    if (kind === PAYOUT || kind === ATTRIBUTE) this.aged.delete(key);
    else if (kind === EVENT) this.events?.delete(key);
    else if (kind === TRANSFER) this.transfers?.delete(key);
    else super.delete(key);
  }

  /** After each batch (its alerts delivered). */
  override async commit(): Promise<void> {
    this.aged.settle();
  }

  /** Removes the scratch files. */
  override close(): void {
    this.aged.close();
    this.transfers?.close();
    this.events?.close();
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
