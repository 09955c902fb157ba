import type { ChainSource, ValueBlock, ValueTransaction } from './chain-source.ts';
import { InconsistentReadError } from './errors.ts';
import { checksum, type FoundTransfer, formatAmount, isoTime } from './transfers.ts';

// The coin a chain pays gas in; chains not named here are assumed to use ETH (rollups, testnets).
const NATIVE_SYMBOLS: Readonly<Record<string, string>> = {
  polygon: 'POL',
  bsc: 'BNB',
  avalanche: 'AVAX',
  fantom: 'FTM',
  gnosis: 'XDAI',
  celo: 'CELO',
  mantle: 'MNT',
  'ethereum-classic': 'ETC',
};

/** The native coin of a chain, as the asset of its value transfers. */
export function nativeSymbol(chain: string): string {
  return NATIVE_SYMBOLS[chain] ?? 'ETH';
}

function nativeTransfer(
  chain: string,
  block: ValueBlock,
  tx: ValueTransaction,
  to: string,
): FoundTransfer {
  return {
    txIndex: tx.index,
    data: {
      chain,
      txHash: tx.hash,
      logIndex: null,
      blockNumber: block.number,
      blockHash: block.hash,
      timestamp: isoTime(block.timestamp),
      asset: { symbol: nativeSymbol(chain), contract: null, decimals: 18 },
      from: checksum(tx.from),
      to: checksum(to),
      amount: formatAmount(tx.value, 18),
    },
  };
}

/**
 * Native value moved by the transactions of some blocks. A reverted transaction moved
 * nothing, so receipts are read for blocks that have value transactions. Value moved by
 * contracts (internal transfers) needs traces and is not seen here.
 */
export async function scanNative(
  source: ChainSource,
  numbers: readonly number[],
): Promise<{ blocks: ValueBlock[]; transfers: FoundTransfer[] }> {
  const blocks = await source.valueBlocks(numbers);
  const withValue = blocks.filter((b) => b.transactions.length > 0);
  const outcomes = await Promise.all(
    withValue.map((b) =>
      source.outcomes(
        b.number,
        b.transactions.map((t) => t.hash),
      ),
    ),
  );
  const transfers: FoundTransfer[] = [];
  withValue.forEach((block, i) => {
    const byHash = new Map(outcomes[i]!.map((o) => [o.hash, o]));
    for (const tx of block.transactions) {
      const outcome = byHash.get(tx.hash);
      if (!outcome)
        throw new InconsistentReadError(`block ${block.number}: no receipt for ${tx.hash}`);
      if (!outcome.success) continue;
      const to = tx.to ?? outcome.contractAddress;
      if (to) transfers.push(nativeTransfer(source.chain, block, tx, to));
    }
  });
  return { blocks, transfers };
}
