import { FlowsentryError } from '../../../shared/errors.ts';
import type { Logger } from '../../../shared/log/logger.ts';
import { retrying } from '../../../shared/retry.ts';
import { ChainIdMismatchError, RpcError, RpcUnavailableError } from '../errors.ts';
import { RateLimiter, sleep } from '../pace.ts';
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

  /**
   * One batch with retries through the shared helper (p-retry: exponential backoff with full
   * jitter, retrying only errors flagged retryable); each failure moves to the next URL, and
   * a provider's Retry-After is honoured before the next attempt.
   */
  private async performBatch(calls: readonly RpcCall[]): Promise<unknown[]> {
    const method = calls[0]?.method ?? 'batch';
    let endpoint = this.endpoint();
    let notBefore = 0;
    const attempt = async () => {
      await sleep(notBefore - Date.now());
      endpoint = this.endpoint();
      try {
        return await this.sendVerified(endpoint, calls);
      } catch (error) {
        if (error instanceof FlowsentryError) this.options.onError?.(error, endpoint.label);
        throw error;
      }
    };
    try {
      return await retrying(attempt, {
        retries: (this.options.maxAttempts ?? 6) - 1,
        minMs: this.options.backoffBaseMs ?? 200,
        maxMs: 10_000,
        onRetry: (error, n) => {
          notBefore = Date.now() + retryAfterMs(error);
          this.failOver(endpoint, n, error);
        },
      });
    } catch (error) {
      if (error instanceof RpcError && error.retryable)
        throw new RpcUnavailableError(this.options.chain, method, error);
      throw error;
    }
  }

  private endpoint(): JsonRpcEndpoint {
    return this.endpoints[this.current % this.endpoints.length]!;
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

  /** Moves to the next URL (unless another call already did). */
  private failOver(endpoint: JsonRpcEndpoint, attempt: number, error: unknown): void {
    if (this.endpoint() === endpoint) this.current++;
    const code = error instanceof FlowsentryError ? error.code : undefined;
    this.options.logger?.debug(
      { url: endpoint.label, code, attempt },
      (error as Error)?.message ?? String(error),
    );
  }
}

/** The wait a throttling provider asked for (Retry-After), or 0. */
function retryAfterMs(error: unknown): number {
  const asked = (error as { retryAfterMs?: unknown })?.retryAfterMs;
  return typeof asked === 'number' && asked > 0 ? asked : 0;
}
