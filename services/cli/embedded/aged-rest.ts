import { FileRestingStore } from '../../../shared/engine/state/index.ts';

/** Batches a record may go unused before it goes to rest (about 16,000 events). */
export const REST_AFTER_BATCHES = 16;

/**
 * Records of a kind a scan writes and then hardly reads again (payouts: read once, when
 * they execute, then only by a lookback), kept as objects while they are used and sent to
 * a scratch file (`FileRestingStore`, an index slot of 12 bytes each) once they were not
 * used for some batches (`REST_AFTER_BATCHES`): two generations, the records used since the last turn and the
 * ones of the turn before; at each turn, those of the older one still unused go to rest.
 * At rest as JSON, a record's fields being JSON values (native, about 2 µs a record both
 * ways, against 12 µs to encode with `record-codec.ts`). A record used again goes back
 * among the objects.
 */
export class AgedRest {
  private young = new Map<string, unknown>();
  private old = new Map<string, unknown>();
  private store: FileRestingStore | undefined;
  private batches = 0;

  constructor(private readonly restAfter = REST_AFTER_BATCHES) {}

  get<T>(key: string): T | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value as T;
    const older = this.old.get(key);
    if (older !== undefined) {
      this.old.delete(key);
      this.young.set(key, older);
      return older as T;
    }
    const packed = this.store?.get(key);
    if (packed === undefined) return undefined;
    const decoded = JSON.parse(packed) as T;
    this.young.set(key, decoded);
    return decoded;
  }

  put(key: string, value: unknown): void {
    this.young.set(key, value);
    if (this.old.size > 0) this.old.delete(key);
  }

  delete(key: string): void {
    this.young.delete(key);
    this.old.delete(key);
    this.store?.delete(key);
  }

  /** Between batches: every `restAfter` batches, the records unused for as long go to rest. */
  settle(): void {
    if (++this.batches % this.restAfter !== 0) return;
    if (this.old.size > 0) {
      this.store ??= new FileRestingStore();
      for (const [key, value] of this.old) this.store.set(key, JSON.stringify(value));
    }
    this.old = this.young;
    this.young = new Map();
  }

  /** Removes the scratch file. */
  close(): void {
    this.young.clear();
    this.old.clear();
    this.store?.close();
    this.store = undefined;
  }
}
