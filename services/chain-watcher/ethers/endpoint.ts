import { FetchRequest } from 'ethers';
import { RpcError } from '../errors.ts';
import { classifyHttpStatus, classifyRpcError, type JsonRpcErrorBody } from './classify.ts';
import { getUrlWithFetch } from './get-url.ts';

/** One JSON-RPC call. */
export interface RpcCall {
  readonly method: string;
  readonly params: readonly unknown[];
}

/** The answer to one call of a batch: a result, or the error that call alone got. */
export type RpcOutcome =
  | { readonly ok: true; readonly result: unknown }
  | { readonly ok: false; readonly error: RpcError };

interface JsonRpcResponse {
  id?: unknown;
  result?: unknown;
  error?: JsonRpcErrorBody;
}

/** The URL without credentials or path (API keys often live there), for logs and errors. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname.length > 1 ? '/…' : ''}`;
  } catch {
    return '<bad url>';
  }
}

/**
 * One JSON-RPC URL spoken through ethers' FetchRequest. Not JsonRpcProvider: its network
 * detection retries forever on a dead URL and its errors hide the node's code and text,
 * which the range and rate-limit decisions need. Several calls go out as one batch request.
 */
export class JsonRpcEndpoint {
  private nextId = 1;
  readonly label: string;

  constructor(
    readonly url: string,
    private readonly timeoutMs: number,
  ) {
    this.label = redactUrl(url);
  }

  /** Sends the calls (one HTTP request); throws for a failure of the whole request. */
  async send(calls: readonly RpcCall[]): Promise<RpcOutcome[]> {
    const first = calls[0]?.method ?? 'batch';
    const ids = calls.map(() => this.nextId++);
    const payload = calls.map((c, i) => ({
      jsonrpc: '2.0',
      id: ids[i],
      method: c.method,
      params: c.params,
    }));
    const body = await this.post(first, calls.length === 1 ? payload[0] : payload);
    const responses = Array.isArray(body) ? (body as JsonRpcResponse[]) : [body as JsonRpcResponse];
    const byId = new Map(responses.map((r) => [r.id, r]));
    // A lone object answering a batch is an error about the whole batch (e.g. "batch too large").
    const whole = Array.isArray(body) ? undefined : responses[0];
    return calls.map((c, i) => outcomeOf(c.method, byId.get(ids[i]) ?? whole));
  }

  private async post(method: string, payload: unknown): Promise<unknown> {
    const req = new FetchRequest(this.url);
    req.body = JSON.stringify(payload);
    req.setHeader('content-type', 'application/json');
    req.timeout = this.timeoutMs;
    req.getUrlFunc = getUrlWithFetch;
    // We decide about 429s ourselves (failover, shared backoff), so ethers must not retry them.
    req.retryFunc = async () => false;
    let res: Awaited<ReturnType<FetchRequest['send']>>;
    try {
      res = await req.send();
    } catch (error) {
      throw new RpcError(`${method}: ${this.label}: ${(error as Error).message}`, method);
    }
    if (res.statusCode < 200 || res.statusCode >= 300) {
      throw classifyHttpStatus(method, res.statusCode, res.headers['retry-after'], text(res.body));
    }
    try {
      return JSON.parse(text(res.body));
    } catch {
      throw new RpcError(`${method}: ${this.label}: response is not JSON`, method);
    }
  }
}

/** UTF-8 through Buffer: ethers' bodyText decodes in JavaScript, slow on a 30 MB log answer. */
function text(body: Uint8Array | null): string {
  return body ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8') : '';
}

function outcomeOf(method: string, response: JsonRpcResponse | undefined): RpcOutcome {
  if (!response)
    return { ok: false, error: new RpcError(`${method}: no response in the batch`, method) };
  if (response.error) return { ok: false, error: classifyRpcError(method, response.error) };
  if (!('result' in response))
    return { ok: false, error: new RpcError(`${method}: response without result`, method) };
  return { ok: true, result: response.result };
}
