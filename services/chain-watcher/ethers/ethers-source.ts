import type {
  BlockHeader,
  ChainLog,
  ChainSource,
  LogQuery,
  TxOutcome,
  ValueBlock,
} from '../chain-source.ts';
import { RpcError, RpcMethodUnsupportedError } from '../errors.ts';
import { HeadWatch } from './head-watch.ts';
import { parseHeader, parseLog, parseReceipt, parseValueBlock, tag } from './parse.ts';
import { RpcClient, type RpcClientOptions, type UrlCheck } from './rpc-client.ts';

/** Options of the ethers chain source; parsed and validated by the service. */
export interface EthersSourceOptions extends RpcClientOptions {
  /** WebSocket URLs, used only to wake the loop on a new head. */
  readonly wsUrls?: readonly string[];
}

/** The chain-source port over JSON-RPC, spoken with ethers' fetch layer through one RpcClient. */
export class EthersChainSource implements ChainSource {
  readonly chain: string;
  private readonly rpc: RpcClient;
  private readonly heads: HeadWatch;

  constructor(options: EthersSourceOptions) {
    this.chain = options.chain;
    this.rpc = new RpcClient(options);
    this.heads = new HeadWatch(options.wsUrls ?? [], () => this.chainId(), options.logger);
  }

  /** Checks every URL's chain id now; a mismatch throws ChainIdMismatchError. */
  checkUrls(): Promise<UrlCheck[]> {
    return this.rpc.checkUrls();
  }

  async chainId(): Promise<bigint> {
    const [id] = await this.rpc.perform([{ method: 'eth_chainId', params: [] }]);
    return BigInt(String(id));
  }

  async headNumber(): Promise<number> {
    const [n] = await this.rpc.perform([{ method: 'eth_blockNumber', params: [] }]);
    return Number(BigInt(String(n)));
  }

  async headers(numbers: readonly number[]): Promise<(BlockHeader | null)[]> {
    const raw = await this.rpc.perform(
      numbers.map((n) => ({ method: 'eth_getBlockByNumber', params: [tag(n), false] })),
    );
    return raw.map(parseHeader);
  }

  async logs(query: LogQuery): Promise<ChainLog[]> {
    const filter = {
      fromBlock: tag(query.fromBlock),
      toBlock: tag(query.toBlock),
      topics: query.topics,
      ...(query.addresses ? { address: query.addresses } : {}),
    };
    const [raw] = await this.rpc.perform([{ method: 'eth_getLogs', params: [filter] }]);
    if (!Array.isArray(raw)) throw new RpcError('eth_getLogs: result is not a list', 'eth_getLogs');
    return raw.map(parseLog);
  }

  async valueBlocks(numbers: readonly number[]): Promise<ValueBlock[]> {
    const raw = await this.rpc.perform(
      numbers.map((n) => ({ method: 'eth_getBlockByNumber', params: [tag(n), true] })),
    );
    return raw.map((b, i) => parseValueBlock(b, numbers[i]!));
  }

  async outcomes(blockNumber: number, txHashes: readonly string[]): Promise<TxOutcome[]> {
    if (txHashes.length === 0) return [];
    try {
      const [raw] = await this.rpc.perform([
        { method: 'eth_getBlockReceipts', params: [tag(blockNumber)] },
      ]);
      if (!Array.isArray(raw))
        throw new RpcError('eth_getBlockReceipts: result is not a list', 'eth_getBlockReceipts');
      const wanted = new Set(txHashes);
      return raw.map(parseReceipt).filter((r) => wanted.has(r.hash));
    } catch (error) {
      if (!(error instanceof RpcMethodUnsupportedError)) throw error;
      // Older nodes: one receipt per transaction, still batched into few requests.
      const raw = await this.rpc.perform(
        txHashes.map((h) => ({ method: 'eth_getTransactionReceipt', params: [h] })),
      );
      return raw.map(parseReceipt);
    }
  }

  async call(to: string, data: string): Promise<string> {
    const [raw] = await this.rpc.perform([
      { method: 'eth_call', params: [{ to, data }, 'latest'] },
    ]);
    return typeof raw === 'string' ? raw : '0x';
  }

  onNewHead(wake: () => void): () => void {
    return this.heads.subscribe(wake);
  }

  async close(): Promise<void> {
    this.heads.close();
  }
}
