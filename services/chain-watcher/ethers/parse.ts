import type {
  BlockHeader,
  ChainLog,
  TxOutcome,
  ValueBlock,
  ValueTransaction,
} from '../chain-source.ts';
import { RpcError } from '../errors.ts';

type Raw = Record<string, unknown>;

function bad(what: string): RpcError {
  // Retryable: a node behind a load balancer can answer garbage once and sense the next time.
  return new RpcError(`malformed node response: ${what}`, 'parse');
}

function object(value: unknown, what: string): Raw {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad(what);
  return value as Raw;
}

function hex(value: unknown, what: string): string {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]*$/.test(value)) throw bad(what);
  return value.toLowerCase();
}

/** A JSON-RPC quantity as a safe integer. */
export function quantity(value: unknown, what: string): number {
  const n = Number.parseInt(hex(value, what), 16);
  if (!Number.isSafeInteger(n)) throw bad(what);
  return n;
}

/** A JSON-RPC quantity of any size (wei values). */
export function bigQuantity(value: unknown, what: string): bigint {
  const h = hex(value, what);
  return h === '0x' ? 0n : BigInt(h);
}

/** A block header, or null when the node has no such block. */
export function parseHeader(value: unknown): BlockHeader | null {
  if (value === null) return null;
  const b = object(value, 'block');
  return {
    number: quantity(b.number, 'block.number'),
    hash: hex(b.hash, 'block.hash'),
    parentHash: hex(b.parentHash, 'block.parentHash'),
    timestamp: quantity(b.timestamp, 'block.timestamp'),
  };
}

/** One eth_getLogs entry. */
export function parseLog(value: unknown): ChainLog {
  const l = object(value, 'log');
  if (!Array.isArray(l.topics)) throw bad('log.topics');
  const log: ChainLog = {
    address: hex(l.address, 'log.address'),
    topics: l.topics.map((t) => hex(t, 'log.topics')),
    data: hex(l.data, 'log.data'),
    blockNumber: quantity(l.blockNumber, 'log.blockNumber'),
    blockHash: hex(l.blockHash, 'log.blockHash'),
    transactionHash: hex(l.transactionHash, 'log.transactionHash'),
    transactionIndex: quantity(l.transactionIndex, 'log.transactionIndex'),
    logIndex: quantity(l.logIndex, 'log.logIndex'),
  };
  return l.blockTimestamp === undefined || l.blockTimestamp === null
    ? log
    : { ...log, blockTimestamp: quantity(l.blockTimestamp, 'log.blockTimestamp') };
}

function parseValueTransaction(value: unknown): ValueTransaction | null {
  const t = object(value, 'transaction');
  const amount = bigQuantity(t.value, 'transaction.value');
  if (amount === 0n) return null;
  return {
    hash: hex(t.hash, 'transaction.hash'),
    index: quantity(t.transactionIndex, 'transaction.transactionIndex'),
    from: hex(t.from, 'transaction.from'),
    to: t.to === null || t.to === undefined ? null : hex(t.to, 'transaction.to'),
    value: amount,
  };
}

/** A block fetched with full transactions, keeping those that moved native value. */
export function parseValueBlock(value: unknown, asked: number): ValueBlock {
  const header = parseHeader(value);
  if (!header) throw bad(`block ${asked} not found`);
  const txs = object(value, 'block').transactions;
  if (!Array.isArray(txs)) throw bad('block.transactions');
  const transactions = txs
    .map(parseValueTransaction)
    .filter((t): t is ValueTransaction => t !== null);
  return { ...header, transactions };
}

/** A receipt reduced to what the watcher needs. */
export function parseReceipt(value: unknown): TxOutcome {
  const r = object(value, 'receipt');
  return {
    hash: hex(r.transactionHash, 'receipt.transactionHash'),
    // Pre-Byzantium receipts have no status; a root means the transaction ran.
    success: r.status === undefined ? true : quantity(r.status, 'receipt.status') === 1,
    contractAddress:
      r.contractAddress === null || r.contractAddress === undefined
        ? null
        : hex(r.contractAddress, 'receipt.contractAddress'),
  };
}

/** A JSON-RPC block tag for a number. */
export function tag(n: number): string {
  return `0x${n.toString(16)}`;
}
