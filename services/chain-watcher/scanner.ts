import type { BlockHeader, ChainLog, ChainSource, ValueBlock } from './chain-source.ts';
import { InconsistentReadError, RangeTooLargeError } from './errors.ts';
import { scanNative } from './native.ts';
import type { AdaptiveRange } from './range.ts';
import type { TokenRegistry } from './token-registry.ts';
import {
  byChainOrder,
  type FoundTransfer,
  isErc20Transfer,
  TRANSFER_TOPIC,
  transferFromLog,
} from './transfers.ts';

/** What to read from a chain. */
export interface ScannerOptions {
  readonly source: ChainSource;
  readonly tokens: TokenRegistry;
  /** Token contracts to follow (lowercase); undefined follows every Transfer log. */
  readonly contracts?: readonly string[];
  /** Also follow native value transfers (one block and one receipts call per block). */
  readonly native: boolean;
}

/** The transfers of an inclusive block range, and the block hashes the read saw. */
export interface ScanResult {
  readonly from: number;
  readonly to: number;
  /** The header of `to`, read before the logs: the cursor's next position. */
  readonly last: BlockHeader;
  readonly transfers: readonly FoundTransfer[];
  readonly hashes: ReadonlyMap<number, string>;
}

function numbers(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Reads one block range into transfers; used by the live loop and by backfills alike. */
export class BlockScanner {
  constructor(private readonly options: ScannerOptions) {}

  /** Throws RangeTooLargeError when the provider refuses the range; the caller shrinks it. */
  async scan(from: number, to: number): Promise<ScanResult> {
    const { source, native, contracts } = this.options;
    // The header of `to` first: if the chain reorganizes after this read, the stored hash
    // is the old one and the next hash check finds the reorg.
    const [last] = await source.headers([to]);
    if (!last) throw new InconsistentReadError(`${source.chain}: block ${to} is not available yet`);
    const query = {
      fromBlock: from,
      toBlock: to,
      topics: [TRANSFER_TOPIC],
      ...(contracts ? { addresses: contracts } : {}),
    };
    const [logs, value] = await Promise.all([
      source.logs(query),
      native
        ? scanNative(source, numbers(from, to))
        : Promise.resolve({ blocks: [], transfers: [] }),
    ]);
    const hashes = collectHashes(last, logs, value.blocks);
    const fromLogs = await this.decode(logs, value.blocks);
    const transfers = [...fromLogs, ...value.transfers].sort(byChainOrder);
    return { from, to, last, transfers, hashes };
  }

  private async decode(
    logs: readonly ChainLog[],
    blocks: readonly ValueBlock[],
  ): Promise<FoundTransfer[]> {
    const erc20 = logs.filter(isErc20Transfer);
    if (erc20.length === 0) return [];
    const [tokens, times] = await Promise.all([
      this.options.tokens.resolve(erc20.map((l) => l.address)),
      this.timestamps(erc20, blocks),
    ]);
    const out: FoundTransfer[] = [];
    for (const log of erc20) {
      const found = transferFromLog(
        this.options.source.chain,
        log,
        tokens.get(log.address)!,
        times.get(log.blockNumber)!,
      );
      if (found) out.push(found);
    }
    return out;
  }

  /** Block times: from the logs when the node includes them, else from headers (one call per block). */
  private async timestamps(
    logs: readonly ChainLog[],
    blocks: readonly ValueBlock[],
  ): Promise<Map<number, number>> {
    const times = new Map<number, number>(blocks.map((b) => [b.number, b.timestamp]));
    for (const l of logs)
      if (l.blockTimestamp !== undefined) times.set(l.blockNumber, l.blockTimestamp);
    const missing = [...new Set(logs.map((l) => l.blockNumber))].filter((n) => !times.has(n));
    if (missing.length === 0) return times;
    const headers = await this.options.source.headers(missing);
    headers.forEach((h, i) => {
      if (!h) throw new InconsistentReadError(`block ${missing[i]} vanished during the read`);
      times.set(h.number, h.timestamp);
    });
    return times;
  }
}

/** Hashes per height from every source of the read; two different hashes for one height mean the chain moved. */
function collectHashes(
  last: BlockHeader,
  logs: readonly ChainLog[],
  blocks: readonly ValueBlock[],
): Map<number, string> {
  const hashes = new Map<number, string>([[last.number, last.hash]]);
  const see = (n: number, hash: string) => {
    const seen = hashes.get(n);
    if (seen !== undefined && seen !== hash)
      throw new InconsistentReadError(`block ${n} changed during the read`);
    hashes.set(n, hash);
  };
  for (const b of blocks) see(b.number, b.hash);
  for (const l of logs) see(l.blockNumber, l.blockHash);
  return hashes;
}

/**
 * Scans from `from` toward `to` with as many blocks as the range allows, shrinking it while
 * the provider refuses; the result may end before `to` (the caller continues from there).
 */
export async function scanAdaptive(
  scanner: BlockScanner,
  range: AdaptiveRange,
  from: number,
  to: number,
  atLeast = 0,
): Promise<ScanResult> {
  let wanted = Math.max(range.size, atLeast);
  for (;;) {
    const end = Math.min(to, from + wanted - 1);
    try {
      const result = await scanner.scan(from, end);
      range.succeeded(end - from + 1);
      return result;
    } catch (error) {
      if (
        !(error instanceof RangeTooLargeError) ||
        !range.shrink(error.suggestedBlocks, end - from + 1)
      )
        throw error;
      wanted = range.size;
    }
  }
}
