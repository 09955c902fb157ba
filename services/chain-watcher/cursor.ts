import type { TransferData } from '../../shared/contract/index.ts';
import { FlowsentryError } from '../../shared/errors.ts';
import type { StateStore } from '../../shared/ports/state-store/index.ts';

/** A remembered block: its hash and how many transfers were emitted from it. */
export interface WindowEntry {
  readonly number: number;
  readonly hash: string;
  readonly transfers: number;
}

/**
 * Where a chain's watcher stands: the last block whose transfers are all in Kafka, and the
 * recent blocks before it (ascending) whose hashes are re-checked to find reorgs.
 * number -1 means "nothing read yet; start at block 0".
 */
export interface Cursor {
  readonly number: number;
  readonly hash: string;
  readonly window: readonly WindowEntry[];
}

/** A stored cursor that cannot be read: restarting from the head would silently skip blocks. */
export class CursorCorruptError extends FlowsentryError {
  constructor(key: string, reason: string) {
    super('CURSOR_CORRUPT', `chain cursor ${key} is unreadable (${reason}); fix or delete it`);
  }
}

// Block memories outlive their pruning only if a crash skipped the delete; this bounds that.
const BLOCK_TTL_MS = 7 * 24 * 3600 * 1000;
type StoredCursor = { n: number; h: string; w: [number, string, number][] };

/** Persistence of one chain's cursor, its block memories and retracted identities; keys built here only. */
export class CursorStore {
  readonly prefix: string;

  constructor(
    private readonly store: StateStore,
    chain: string,
    namespace = 'chain-watcher:',
  ) {
    this.prefix = `${namespace}${chain}:`;
  }

  private blockKey(number: number, hash: string): string {
    return `${this.prefix}block:${number}:${hash}`;
  }

  async load(): Promise<Cursor | null> {
    const key = `${this.prefix}cursor`;
    const raw = await this.store.get(key);
    if (raw === null) return null;
    let s: StoredCursor;
    try {
      s = JSON.parse(raw) as StoredCursor;
    } catch {
      throw new CursorCorruptError(key, 'not JSON');
    }
    if (!Number.isInteger(s.n) || typeof s.h !== 'string' || !Array.isArray(s.w)) {
      throw new CursorCorruptError(key, 'unexpected shape');
    }
    return {
      number: s.n,
      hash: s.h,
      window: s.w.map(([number, hash, transfers]) => ({ number, hash, transfers })),
    };
  }

  /** Written last, after the batch is in Kafka: the single commit point of a batch. */
  async save(cursor: Cursor): Promise<void> {
    const w = cursor.window.map((e): [number, string, number] => [e.number, e.hash, e.transfers]);
    await this.store.set(
      `${this.prefix}cursor`,
      JSON.stringify({ n: cursor.number, h: cursor.hash, w }),
    );
  }

  /** Remembers what was emitted per block, to retract it if the block leaves the chain. */
  async saveBlocks(blocks: ReadonlyMap<string, readonly TransferData[]>): Promise<void> {
    await Promise.all(
      [...blocks.values()].map((ts) => {
        const first = ts[0]!;
        return this.store.set(
          this.blockKey(first.blockNumber, first.blockHash),
          JSON.stringify(ts),
          BLOCK_TTL_MS,
        );
      }),
    );
  }

  /** Transfers emitted from these blocks; a memory lost to its TTL counts as none. */
  async loadBlocks(entries: readonly WindowEntry[]): Promise<TransferData[]> {
    const withTransfers = entries.filter((e) => e.transfers > 0);
    const raw = await this.store.getMany(withTransfers.map((e) => this.blockKey(e.number, e.hash)));
    return raw.flatMap((r) => (r ? (JSON.parse(r) as TransferData[]) : []));
  }

  /** Which of these blocks already have a memory (their transfers reached Kafka before a crash). */
  async knownBlocks(blocks: readonly { number: number; hash: string }[]): Promise<boolean[]> {
    const raw = await this.store.getMany(blocks.map((b) => this.blockKey(b.number, b.hash)));
    return raw.map((r) => r !== null);
  }

  async deleteBlocks(entries: readonly WindowEntry[]): Promise<void> {
    await Promise.all(
      entries
        .filter((e) => e.transfers > 0)
        .map((e) => this.store.delete(this.blockKey(e.number, e.hash))),
    );
  }

  /** Identities retracted by reorgs, with the block number where it happened. */
  async loadRetracted(): Promise<Map<string, number>> {
    const raw = await this.store.get(`${this.prefix}retracted`);
    return new Map(raw ? (JSON.parse(raw) as [string, number][]) : []);
  }

  async saveRetracted(retracted: ReadonlyMap<string, number>): Promise<void> {
    await this.store.set(`${this.prefix}retracted`, JSON.stringify([...retracted]));
  }

  /** Next block of a resumable backfill job, or null when it never ran. */
  async backfillProgress(id: string): Promise<number | null> {
    const raw = await this.store.get(`${this.prefix}backfill:${id}`);
    return raw === null ? null : Number(raw);
  }

  async saveBackfillProgress(id: string, next: number): Promise<void> {
    await this.store.set(`${this.prefix}backfill:${id}`, String(next), BLOCK_TTL_MS);
  }
}
