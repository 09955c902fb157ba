import { FlowsentryError } from '../../../shared/errors.ts';
import type { Logger } from '../../../shared/log/logger.ts';
import { ChainIdMismatchError, RpcError, RpcUnavailableError } from '../errors.ts';
import { backoffMs, RateLimiter, sleep } from '../pace.ts';
import { JsonRpcEndpoint, type RpcCall } from './endpoint.ts';

/** How a chain's URLs are used. */
export interface RpcClientOptions {
  readonly chain: string;
  /** HTTP(S) JSON-RPC URLs, in order of preference; the next takes over when one fails. */
  readonly urls: readonly string[];
  /** The id a well-known chain must report; unset means "whatever the first URL says". */
  readonly expectedChainId?: bigint;
  /** Calls per second over all URLs; 0 means no limit. */
  readonly requestsPerSecond?: number;
  readonly maxAttempts?: number;
  readonly timeoutMs?: number;
  /** Calls per HTTP batch request. */
  readonly batchSize?: number;
  readonly backoffBaseMs?: number;
  /** Every failed call, for metrics. */
  readonly onError?: (error: FlowsentryError, url: string) => void;
  readonly logger?: Logger;
}

/** Result of checking one URL at start. */
export interface UrlCheck {
  readonly url: string;
  readonly ok: boolean;
  readonly error?: string;
}

/**
 * The single funnel of every JSON-RPC call of a chain (as ethers' `_perform`): rate limit,
 * chain-id check of each URL before its first use, batching, retries with backoff, failover.
 */
export class RpcClient {
  private readonly endpoints: JsonRpcEndpoint[];
  private readonly verified = new Map<JsonRpcEndpoint, Promise<bigint>>();
  private readonly limiter: RateLimiter;
  private learnedChainId?: bigint;
  private current = 0;

  constructor(private readonly options: RpcClientOptions) {
    if (options.urls.length === 0) throw new Error(`${options.chain}: no HTTP RPC URL`);
    this.endpoints = options.urls.map((u) => new JsonRpcEndpoint(u, options.timeoutMs ?? 15_000));
    this.limiter = new RateLimiter(options.requestsPerSecond ?? 0);
  }

  /** Checks every URL's chain id now; a mismatch throws, an unreachable URL is reported. */
  async checkUrls(): Promise<UrlCheck[]> {
    const out: UrlCheck[] = [];
    for (const endpoint of this.endpoints) {
      try {
        await this.verify(endpoint);
        out.push({ url: endpoint.label, ok: true });
      } catch (error) {
        if (error instanceof ChainIdMismatchError) throw error;
        out.push({ url: endpoint.label, ok: false, error: (error as Error).message });
      }
    }
    return out;
  }

  /** Sends calls in batches of `batchSize` (in parallel); results come back in call order. */
  async perform(calls: readonly RpcCall[]): Promise<unknown[]> {
    const size = this.options.batchSize ?? 50;
    const chunks: RpcCall[][] = [];
    for (let i = 0; i < calls.length; i += size) chunks.push(calls.slice(i, i + size));
    return (await Promise.all(chunks.map((c) => this.performBatch(c)))).flat();
  }

  private verify(endpoint: JsonRpcEndpoint): Promise<bigint> {
    let check = this.verified.get(endpoint);
    if (!check) {
      check = this.checkChainId(endpoint);
      this.verified.set(endpoint, check);
      check.catch(() => this.verified.delete(endpoint));
    }
    return check;
  }

  private async checkChainId(endpoint: JsonRpcEndpoint): Promise<bigint> {
    const [outcome] = await endpoint.send([{ method: 'eth_chainId', params: [] }]);
    if (!outcome?.ok) throw outcome?.error ?? new RpcError('eth_chainId: no answer', 'eth_chainId');
    const actual = BigInt(String(outcome.result));
    const expected = this.options.expectedChainId ?? this.learnedChainId;
    if (expected === undefined) this.learnedChainId = actual;
    else if (actual !== expected) {
      throw new ChainIdMismatchError(this.options.chain, endpoint.label, expected, actual);
    }
    return actual;
  }

  private async performBatch(calls: readonly RpcCall[]): Promise<unknown[]> {
    const method = calls[0]?.method ?? 'batch';
    let last: Error = new RpcError(`${method}: not attempted`, method);
    for (let attempt = 0; attempt < (this.options.maxAttempts ?? 6); attempt++) {
      const endpoint = this.endpoints[this.current % this.endpoints.length]!;
      try {
        return await this.sendVerified(endpoint, calls);
      } catch (error) {
        if (error instanceof FlowsentryError) this.options.onError?.(error, endpoint.label);
        if (!(error instanceof RpcError) || !error.retryable) throw error;
        last = error;
        await this.failOver(endpoint, attempt, error);
      }
    }
    throw new RpcUnavailableError(this.options.chain, method, last);
  }

  private async sendVerified(
    endpoint: JsonRpcEndpoint,
    calls: readonly RpcCall[],
  ): Promise<unknown[]> {
    await this.verify(endpoint);
    await this.limiter.acquire(calls.length);
    const outcomes = await endpoint.send(calls);
    return outcomes.map((o) => {
      if (!o.ok) throw o.error;
      return o.result;
    });
  }

  /** Moves to the next URL; waits only once every URL has had its turn (or when told to). */
  private async failOver(
    endpoint: JsonRpcEndpoint,
    attempt: number,
    error: RpcError,
  ): Promise<void> {
    if (this.endpoints[this.current % this.endpoints.length] === endpoint) this.current++;
    this.options.logger?.debug({ url: endpoint.label, code: error.code, attempt }, error.message);
    const roundDone = (attempt + 1) % this.endpoints.length === 0;
    const asked =
      'retryAfterMs' in error && typeof error.retryAfterMs === 'number' ? error.retryAfterMs : 0;
    if (roundDone || asked > 0)
      await sleep(Math.max(asked, backoffMs(attempt, this.options.backoffBaseMs)));
  }
}
