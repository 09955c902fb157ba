import {
  CallRevertedError,
  RangeTooLargeError,
  RpcError,
  RpcMethodUnsupportedError,
  RpcRateLimitedError,
} from '../errors.ts';

/** A JSON-RPC error object as nodes send it. */
export interface JsonRpcErrorBody {
  readonly code?: number;
  readonly message?: string;
  readonly data?: unknown;
}

// Providers word a refused eth_getLogs differently: Alchemy ("Log response size exceeded",
// "up to a 2K block range"), Infura ("query returned more than 10000 results"), QuickNode and
// public nodes ("block range is too large", "exceed maximum block range: 1000", "limited to a
// 10,000 blocks range"), others time out.
const RANGE_RE =
  /block range|range (is )?too (large|wide|big)|returned more than|response size|too many (logs|results|blocks)|max(imum)? (block )?range|exceeds? (the )?(max|limit)|limited to .*range|result (set )?too large|query timeout|logs? (limit|response)/i;
const RATE_RE =
  /rate.?limit|too many requests|request rate|exceeded .*(capacity|quota|credits|rate)|throttl/i;
const SUGGESTED_RE = /\[\s*(0x[0-9a-f]+)\s*,\s*(0x[0-9a-f]+)\s*\]/i;

/** A suggested range size from the error text or Infura's `data: {from, to}`. */
function suggestedBlocks(error: JsonRpcErrorBody): number | undefined {
  const data = error.data as { from?: unknown; to?: unknown } | undefined;
  if (data && typeof data.from === 'string' && typeof data.to === 'string') {
    const size = Number(BigInt(data.to) - BigInt(data.from)) + 1;
    if (size > 0) return size;
  }
  const m = SUGGESTED_RE.exec(error.message ?? '');
  if (!m) return undefined;
  const size = Number(BigInt(m[2]!) - BigInt(m[1]!)) + 1;
  return size > 0 ? size : undefined;
}

/** Maps a JSON-RPC error for `method` to the error class the callers branch on. */
export function classifyRpcError(method: string, error: JsonRpcErrorBody): RpcError {
  const message = `${method}: ${error.message ?? 'unknown error'}${error.code === undefined ? '' : ` (${error.code})`}`;
  const text = `${error.message ?? ''} ${typeof error.data === 'string' ? error.data : ''}`;
  if (
    method === 'eth_getLogs' &&
    (RANGE_RE.test(text) || (error.code === -32005 && !RATE_RE.test(text)))
  ) {
    return new RangeTooLargeError(message, suggestedBlocks(error));
  }
  if (error.code === 429 || RATE_RE.test(text)) return new RpcRateLimitedError(method);
  if (
    error.code === -32601 ||
    /method .*(not found|not supported|does not exist|unsupported)/i.test(text)
  ) {
    return new RpcMethodUnsupportedError(method);
  }
  if (
    method === 'eth_call' &&
    (error.code === 3 || /revert|invalid opcode|out of gas/i.test(text))
  ) {
    return new CallRevertedError(message);
  }
  return new RpcError(message, method);
}

/** Maps an HTTP failure of a whole request (batch) to an error class. */
export function classifyHttpStatus(
  method: string,
  status: number,
  retryAfter: string | undefined,
  body: string,
): RpcError {
  if (status === 429) {
    const seconds =
      retryAfter && /^[0-9]+$/.test(retryAfter) ? Number(retryAfter) * 1000 : undefined;
    return new RpcRateLimitedError(method, seconds);
  }
  // A 413 or a size complaint on a log query means the answer was too big, not that the node is down.
  if (method === 'eth_getLogs' && (status === 413 || RANGE_RE.test(body))) {
    return new RangeTooLargeError(`${method}: HTTP ${status} ${body.slice(0, 200)}`);
  }
  return new RpcError(`${method}: HTTP ${status} ${body.slice(0, 200)}`, method);
}
