/** A block's identity and time: enough to chain hashes and stamp transfers. */
export interface BlockHeader {
  readonly number: number;
  readonly hash: string;
  readonly parentHash: string;
  /** Seconds since the epoch. */
  readonly timestamp: number;
}

/** A log as the node returned it, numbers parsed, hex strings lowercase. */
export interface ChainLog {
  readonly address: string;
  readonly topics: readonly string[];
  readonly data: string;
  readonly blockNumber: number;
  readonly blockHash: string;
  readonly transactionHash: string;
  readonly transactionIndex: number;
  readonly logIndex: number;
  /** Some nodes (anvil, recent geth and reth) include it; it saves a header fetch. */
  readonly blockTimestamp?: number;
}

/** A transaction that carried native value (value > 0). */
export interface ValueTransaction {
  readonly hash: string;
  readonly index: number;
  readonly from: string;
  /** null for a contract creation; the receipt names the new contract. */
  readonly to: string | null;
  readonly value: bigint;
}

/** A block with only its value-carrying transactions. */
export interface ValueBlock extends BlockHeader {
  readonly transactions: readonly ValueTransaction[];
}

/** What a receipt says about a transaction: did it run, and what did it create. */
export interface TxOutcome {
  readonly hash: string;
  readonly success: boolean;
  readonly contractAddress: string | null;
}

/** An eth_getLogs query over an inclusive block range. */
export interface LogQuery {
  readonly fromBlock: number;
  readonly toBlock: number;
  /** Contracts to read; undefined means every contract. */
  readonly addresses?: readonly string[];
  readonly topics: readonly (string | null)[];
}

/**
 * The chain-source port: what the watcher needs from an EVM node. The ethers adapter
 * speaks JSON-RPC over HTTP; tests may substitute a scripted source.
 */
export interface ChainSource {
  /** The lowercase chain name this source serves. */
  readonly chain: string;
  /** The chain id, verified against the configuration. */
  chainId(): Promise<bigint>;
  headNumber(): Promise<number>;
  /** Headers by number, null where the node has no such block (yet). */
  headers(numbers: readonly number[]): Promise<(BlockHeader | null)[]>;
  /** Throws RangeTooLargeError when the provider refuses the range or the result size. */
  logs(query: LogQuery): Promise<ChainLog[]>;
  /** Blocks with their value-carrying transactions, in the order asked. */
  valueBlocks(numbers: readonly number[]): Promise<ValueBlock[]>;
  /** Outcomes of the given transactions of one block. */
  outcomes(blockNumber: number, txHashes: readonly string[]): Promise<TxOutcome[]>;
  /** eth_call at the latest block; throws CallRevertedError when the contract refuses. */
  call(to: string, data: string): Promise<string>;
  /** Calls `wake` when the node announces a new head (WebSocket); returns an unsubscribe. */
  onNewHead(wake: () => void): () => void;
  close(): Promise<void>;
}
