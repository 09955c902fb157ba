import { createServer, type IncomingMessage, type Server } from 'node:http';
import { FetchRequest } from 'ethers';

/** How the proxy misbehaves, changeable while it runs. */
export interface ProxyFaults {
  /** eth_getLogs over more blocks than this is refused with `refusal`'s wording. */
  maxLogRange?: number;
  refusal?: 'alchemy' | 'infura' | 'quicknode';
  /** Every n-th HTTP request gets a 429. */
  throttleEvery?: number;
}

interface Call {
  id: unknown;
  method: string;
  params: { fromBlock?: string; toBlock?: string }[];
}

function refuse(call: Call, kind: ProxyFaults['refusal'], max: number): unknown {
  const from = BigInt(call.params[0]?.fromBlock ?? '0x0');
  const suggestion = `[0x${from.toString(16)}, 0x${(from + BigInt(max) - 1n).toString(16)}]`;
  const error =
    kind === 'infura'
      ? {
          code: -32005,
          message: 'query returned more than 10000 results',
          data: {
            from: `0x${from.toString(16)}`,
            to: `0x${(from + BigInt(max) - 1n).toString(16)}`,
          },
        }
      : kind === 'quicknode'
        ? { code: -32614, message: `eth_getLogs is limited to a ${max} range` }
        : {
            code: -32602,
            message: `Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the response size, or you can request any block range with a cap of 10K logs in the response. Based on your parameters, this block range should work: ${suggestion}`,
          };
  return { jsonrpc: '2.0', id: call.id, error };
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

/** A JSON-RPC proxy in front of a node that refuses wide log ranges and throttles, like public providers. */
export async function startRpcProxy(
  target: string,
  faults: ProxyFaults,
): Promise<{ url: string; requests: () => number; close(): Promise<void> }> {
  let requests = 0;
  const server: Server = createServer(async (req, res) => {
    requests++;
    const text = await body(req);
    if (faults.throttleEvery && requests % faults.throttleEvery === 0) {
      res.writeHead(429, { 'retry-after': '0' }).end('Too Many Requests');
      return;
    }
    const parsed = JSON.parse(text) as Call | Call[];
    const calls = Array.isArray(parsed) ? parsed : [parsed];
    const answers = await Promise.all(calls.map((c) => answer(target, c, faults)));
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(Array.isArray(parsed) ? answers : answers[0]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function answer(target: string, call: Call, faults: ProxyFaults): Promise<unknown> {
  if (call.method === 'eth_getLogs' && faults.maxLogRange !== undefined) {
    const q = call.params[0]!;
    const span = Number(BigInt(q.toBlock ?? '0x0') - BigInt(q.fromBlock ?? '0x0')) + 1;
    if (span > faults.maxLogRange) return refuse(call, faults.refusal, faults.maxLogRange);
  }
  const req = new FetchRequest(target);
  req.body = JSON.stringify(call);
  req.setHeader('content-type', 'application/json');
  return (await req.send()).bodyJson;
}
