import type { TransferData } from '../../shared/contract/index.ts';
import type { ChainSource } from './chain-source.ts';
import type { Cursor, CursorStore, WindowEntry } from './cursor.ts';

/** A reorg found at the cursor: where to resume, and what was emitted from the orphaned blocks. */
export interface Rewind {
  /** The newest remembered block still on the chain, as the cursor to resume from. */
  readonly cursor: Cursor;
  readonly orphanedBlocks: readonly WindowEntry[];
  readonly orphanedTransfers: readonly TransferData[];
  /** True when no remembered block matched: the reorg went deeper than the window. */
  readonly deeperThanWindow: boolean;
}

const CHECK_BATCH = 16;

/**
 * The newest remembered block whose hash is still the chain's at that height. A block
 * hash commits to its ancestors, so every block below it is unchanged too. Blocks are
 * checked newest first, a few per request, because most reorgs are one or two blocks deep.
 */
export async function findAncestor(
  source: ChainSource,
  window: readonly WindowEntry[],
): Promise<WindowEntry | null> {
  const newestFirst = [...window].sort((a, b) => b.number - a.number);
  for (let i = 0; i < newestFirst.length; i += CHECK_BATCH) {
    const slice = newestFirst.slice(i, i + CHECK_BATCH);
    const headers = await source.headers(slice.map((e) => e.number));
    const index = slice.findIndex((e, j) => headers[j]?.hash === e.hash);
    if (index >= 0) return slice[index]!;
  }
  return null;
}

/** True when the cursor's block is still on the chain (the common case: one header read). */
export async function cursorHolds(source: ChainSource, cursor: Cursor): Promise<boolean> {
  if (cursor.number < 0) return true;
  const [header] = await source.headers([cursor.number]);
  return header?.hash === cursor.hash;
}

/** Plans the rewind after a mismatch: the common ancestor and the transfers that left the chain. */
export async function planRewind(
  source: ChainSource,
  cursors: CursorStore,
  cursor: Cursor,
): Promise<Rewind> {
  const ancestor = await findAncestor(source, cursor.window);
  const base = ancestor ?? (await fallbackBase(source, cursor.window));
  const kept = cursor.window.filter((e) => e.number <= base.number);
  const orphanedBlocks = cursor.window.filter((e) => e.number > base.number);
  return {
    cursor: { number: base.number, hash: base.hash, window: kept.length > 0 ? kept : [base] },
    orphanedBlocks,
    orphanedTransfers: await cursors.loadBlocks(orphanedBlocks),
    deeperThanWindow: ancestor === null,
  };
}

/**
 * Deeper than the window: nothing remembered can be checked. Resume just below the oldest
 * remembered block, as the chain has it now; what was emitted before that is out of reach.
 */
async function fallbackBase(
  source: ChainSource,
  window: readonly WindowEntry[],
): Promise<WindowEntry> {
  const oldest = Math.min(...window.map((e) => e.number));
  if (!Number.isFinite(oldest) || oldest <= 0) return { number: -1, hash: '', transfers: 0 };
  const [header] = await source.headers([oldest - 1]);
  return { number: oldest - 1, hash: header?.hash ?? '', transfers: 0 };
}
