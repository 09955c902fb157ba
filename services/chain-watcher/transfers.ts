import { formatUnits, getAddress } from 'ethers';
import type { TransferData } from '../../shared/contract/index.ts';
import type { ChainLog } from './chain-source.ts';

/** keccak256("Transfer(address,address,uint256)"), topic 0 of every ERC-20 Transfer log. */
export const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

/** What the watcher knows of a token contract; `decimalsUnknown` marks one whose decimals() failed. */
export interface TokenInfo {
  readonly contract: string;
  readonly symbol: string;
  readonly decimals: number;
  readonly decimalsUnknown: boolean;
}

/** A transfer found on chain, with the transaction index that orders it within its block. */
export interface FoundTransfer {
  readonly data: TransferData;
  readonly txIndex: number;
}

/** A base-unit amount as a decimal string; whole amounts carry no ".0" ("1.5", "2", "0"). */
export function formatAmount(value: bigint, decimals: number): string {
  const text = formatUnits(value, decimals);
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}

/** RFC 3339 (UTC) from a block timestamp in seconds. */
export function isoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

// Checksumming hashes the address; payroll flows revisit the same wallets, so remember some.
const checksums = new Map<string, string>();

/** The EIP-55 form of a lowercase address, cached. */
export function checksum(address: string): string {
  let out = checksums.get(address);
  if (out === undefined) {
    if (checksums.size >= 100_000) checksums.clear();
    out = getAddress(address);
    checksums.set(address, out);
  }
  return out;
}

/** The address in an indexed topic, or null when the upper 12 bytes are not zero. */
function topicAddress(topic: string): string | null {
  if (topic.length !== 66 || !topic.startsWith('0x000000000000000000000000')) return null;
  return `0x${topic.slice(26)}`;
}

/**
 * True for an ERC-20 Transfer log: three topics and a 32-byte amount. ERC-721 uses the
 * same topic 0 with the token id as a fourth topic and no data; those are not money.
 */
export function isErc20Transfer(log: ChainLog): boolean {
  return log.topics.length === 3 && log.topics[0] === TRANSFER_TOPIC && log.data.length >= 66;
}

/** Decodes an ERC-20 Transfer log; null when it is not one. */
export function transferFromLog(
  chain: string,
  log: ChainLog,
  token: TokenInfo,
  timestamp: number,
): FoundTransfer | null {
  if (!isErc20Transfer(log)) return null;
  const from = topicAddress(log.topics[1]!);
  const to = topicAddress(log.topics[2]!);
  if (!from || !to) return null;
  const value = BigInt(log.data.slice(0, 66));
  return {
    txIndex: log.transactionIndex,
    data: {
      chain,
      txHash: log.transactionHash,
      logIndex: log.logIndex,
      blockNumber: log.blockNumber,
      blockHash: log.blockHash,
      timestamp: isoTime(timestamp),
      asset: { symbol: token.symbol, contract: checksum(token.contract), decimals: token.decimals },
      from: checksum(from),
      to: checksum(to),
      amount: formatAmount(value, token.decimals),
    },
  };
}

/** Orders transfers as the chain did: block, transaction, then log (native value first in its tx). */
export function byChainOrder(a: FoundTransfer, b: FoundTransfer): number {
  return (
    a.data.blockNumber - b.data.blockNumber ||
    a.txIndex - b.txIndex ||
    (a.data.logIndex ?? -1) - (b.data.logIndex ?? -1)
  );
}
