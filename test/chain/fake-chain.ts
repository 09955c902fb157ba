import { randomBytes } from 'node:crypto';
import { AbiCoder } from 'ethers';
import type {
  BlockHeader,
  ChainLog,
  ChainSource,
  LogQuery,
  TxOutcome,
  ValueBlock,
} from '../../services/chain-watcher/index.ts';
import { RangeTooLargeError, TRANSFER_TOPIC } from '../../services/chain-watcher/index.ts';

/** A token transfer to put in a fake block; the tx hash is random unless given. */
export interface FakeTransfer {
  readonly token?: string;
  readonly from?: string;
  readonly to?: string;
  readonly amount: bigint;
  readonly txHash?: string;
}

interface FakeBlock extends BlockHeader {
  readonly logs: ChainLog[];
}

const hex32 = () => `0x${randomBytes(32).toString('hex')}`;
const topic = (address: string) => `0x${address.slice(2).toLowerCase().padStart(64, '0')}`;
export const FAKE_TOKEN = '0x00000000000000000000000000000000000000aa';
export const ALICE = '0x1000000000000000000000000000000000000001';
export const BOB = '0x2000000000000000000000000000000000000002';

/** A scripted in-memory chain behind the chain-source port: mine blocks, reorganize them, refuse ranges. */
export class FakeChain implements ChainSource {
  readonly chain = 'fake';
  private blocks: FakeBlock[] = [];
  /** eth_getLogs refuses ranges wider than this, suggesting this size. */
  maxLogRange = Number.POSITIVE_INFINITY;
  logCalls = 0;

  constructor() {
    this.push([]);
  }

  get head(): number {
    return this.blocks.length - 1;
  }

  /** Mines one block with these transfers (one transaction each); returns its header. */
  mine(transfers: readonly FakeTransfer[] = []): FakeBlock {
    return this.push(transfers);
  }

  /** Drops the last `depth` blocks and mines replacements (a block per list). */
  reorg(depth: number, replacements: readonly (readonly FakeTransfer[])[]): void {
    this.blocks = this.blocks.slice(0, this.blocks.length - depth);
    for (const transfers of replacements) this.push(transfers);
  }

  private push(transfers: readonly FakeTransfer[]): FakeBlock {
    const number = this.blocks.length;
    const hash = hex32();
    const logs = transfers.map(
      (t, i): ChainLog => ({
        address: t.token ?? FAKE_TOKEN,
        topics: [TRANSFER_TOPIC, topic(t.from ?? ALICE), topic(t.to ?? BOB)],
        data: `0x${t.amount.toString(16).padStart(64, '0')}`,
        blockNumber: number,
        blockHash: hash,
        transactionHash: t.txHash ?? hex32(),
        transactionIndex: i,
        logIndex: i,
        blockTimestamp: 1_700_000_000 + number * 12,
      }),
    );
    const parentHash = this.blocks[number - 1]?.hash ?? `0x${'0'.repeat(64)}`;
    const block = { number, hash, parentHash, timestamp: 1_700_000_000 + number * 12, logs };
    this.blocks.push(block);
    return block;
  }

  async chainId(): Promise<bigint> {
    return 999n;
  }

  async headNumber(): Promise<number> {
    return this.head;
  }

  async headers(numbers: readonly number[]): Promise<(BlockHeader | null)[]> {
    return numbers.map((n) => {
      const b = this.blocks[n];
      return b
        ? { number: b.number, hash: b.hash, parentHash: b.parentHash, timestamp: b.timestamp }
        : null;
    });
  }

  async logs(query: LogQuery): Promise<ChainLog[]> {
    this.logCalls++;
    if (query.toBlock - query.fromBlock + 1 > this.maxLogRange) {
      throw new RangeTooLargeError('eth_getLogs: block range too large', this.maxLogRange);
    }
    return this.blocks.slice(query.fromBlock, query.toBlock + 1).flatMap((b) => b.logs);
  }

  async valueBlocks(numbers: readonly number[]): Promise<ValueBlock[]> {
    return (await this.headers(numbers)).map((h) => ({ ...h!, transactions: [] }));
  }

  async outcomes(): Promise<TxOutcome[]> {
    return [];
  }

  async call(_to: string, data: string): Promise<string> {
    const coder = AbiCoder.defaultAbiCoder();
    return data === '0x313ce567'
      ? coder.encode(['uint8'], [6])
      : coder.encode(['string'], ['FAKE']);
  }

  onNewHead(): () => void {
    return () => {};
  }

  async close(): Promise<void> {}
}
