import { FlowsentryError } from '../../shared/errors.ts';

/** A JSON-RPC request failed in a way another attempt (or another URL) may fix. */
export class RpcError extends FlowsentryError {
  constructor(
    message: string,
    /** The JSON-RPC method, for logs and metrics. */
    readonly method: string,
    code = 'RPC_ERROR',
    retryable = true,
  ) {
    super(code, message, retryable);
  }
}

/** The provider throttled us (HTTP 429 or a rate-limit error); wait before the next call. */
export class RpcRateLimitedError extends RpcError {
  constructor(
    method: string,
    /** What the provider asked for (Retry-After), when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(`${method}: rate limited by the provider`, method, 'RPC_RATE_LIMITED');
  }
}

/** eth_getLogs refused the block range or the result size: ask again with a smaller range. */
export class RangeTooLargeError extends RpcError {
  constructor(
    message: string,
    /** A range size the provider suggested (Infura and Alchemy name one), when it did. */
    readonly suggestedBlocks?: number,
  ) {
    super(message, 'eth_getLogs', 'RPC_RANGE_TOO_LARGE', false);
  }
}

/** The node does not offer this method (e.g. eth_getBlockReceipts); the caller falls back. */
export class RpcMethodUnsupportedError extends RpcError {
  constructor(method: string) {
    super(`${method}: method not supported by the node`, method, 'RPC_METHOD_UNSUPPORTED', false);
  }
}

/** eth_call reverted or returned no usable data: the contract, not the node, said no. */
export class CallRevertedError extends RpcError {
  constructor(message: string) {
    super(message, 'eth_call', 'CALL_REVERTED', false);
  }
}

/** Every URL of a chain failed, after retries and failover. */
export class RpcUnavailableError extends RpcError {
  constructor(chain: string, method: string, last: Error) {
    super(
      `${chain}: every RPC URL failed for ${method}: ${last.message}`,
      method,
      'RPC_UNAVAILABLE',
    );
  }
}

/** A URL serves another chain than configured: following it would mislabel every transfer. */
export class ChainIdMismatchError extends FlowsentryError {
  constructor(chain: string, url: string, expected: bigint, actual: bigint) {
    super(
      'CHAIN_ID_MISMATCH',
      `FLOWSENTRY_RPC_${chain.toUpperCase().replaceAll('-', '_')}: ${url} serves chain id ${actual}, ` +
        `but ${chain} is chain id ${expected}`,
    );
  }
}

/** A read saw two versions of the chain (it moved mid-read); reading again gives one. */
export class InconsistentReadError extends FlowsentryError {
  constructor(message: string) {
    super('CHAIN_INCONSISTENT_READ', message, true);
  }
}

/** A request (a backfill) named a chain this process does not follow. */
export class ChainNotFollowedError extends FlowsentryError {
  constructor(chain: string) {
    super('CHAIN_NOT_FOLLOWED', `chain ${JSON.stringify(chain)} is not followed by this process`);
  }
}
