import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { FetchRequest } from 'ethers';

const ANVIL_BIN = fileURLToPath(
  new URL('../../node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil', import.meta.url),
);

/** A transaction request as anvil's eth_sendTransaction and anvil_reorg take it. */
export interface TxRequest {
  from: string;
  to?: string;
  value?: string;
  data?: string;
  gas?: string;
}

/** A running anvil node with a few JSON-RPC helpers; `stop()` kills its process group. */
export interface Anvil {
  readonly port: number;
  readonly url: string;
  readonly wsUrl: string;
  /** The first dev accounts, unlocked and funded. */
  readonly accounts: readonly string[];
  rpc<T = unknown>(method: string, params?: readonly unknown[]): Promise<T>;
  /** Sends a transaction and returns its receipt (anvil mines one block per transaction). */
  send(tx: TxRequest): Promise<Receipt>;
  blockNumber(): Promise<number>;
  mine(blocks?: number): Promise<void>;
  stop(): Promise<void>;
}

/** The receipt fields the tests read. */
export interface Receipt {
  transactionHash: string;
  blockNumber: string;
  blockHash: string;
  contractAddress: string | null;
  status: string;
}

/** A free TCP port on 127.0.0.1, so test files can run anvil side by side. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function rawRpc<T>(url: string, method: string, params: readonly unknown[]): Promise<T> {
  const req = new FetchRequest(url);
  req.body = JSON.stringify({ jsonrpc: '2.0', id: 1, method, params });
  req.setHeader('content-type', 'application/json');
  const res = await req.send();
  res.assertOk();
  const body = res.bodyJson as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  const until = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`anvil exited with ${child.exitCode}`);
    try {
      await rawRpc(url, 'eth_chainId', []);
      return;
    } catch (error) {
      if (Date.now() > until) throw new Error(`anvil did not start: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

async function waitForReceipt(
  rpc: <T>(method: string, params?: readonly unknown[]) => Promise<T>,
  hash: string,
): Promise<Receipt> {
  const until = Date.now() + 20_000;
  for (;;) {
    const receipt = await rpc<Receipt | null>('eth_getTransactionReceipt', [hash]);
    if (receipt) return receipt;
    if (Date.now() > until) throw new Error(`no receipt for ${hash}: is automine off?`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Kills the whole process group: the binary, and anything it spawned, never outlives a test. */
function killGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  // The child is unref'd so a forgotten node never holds the process; hold it while it dies.
  child.ref();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    return Promise.resolve();
  }
  return exited;
}

/** Spawns the binary detached (its own process group) and waits until it answers. */
async function spawnAnvil(port: number, extraArgs: readonly string[]): Promise<ChildProcess> {
  const args = ['--port', String(port), '--host', '127.0.0.1', '--accounts', '4', ...extraArgs];
  const child = spawn(ANVIL_BIN, args, { detached: true, stdio: 'ignore' });
  child.unref();
  try {
    await waitUntilUp(`http://127.0.0.1:${port}`, child);
  } catch (error) {
    await killGroup(child);
    throw error;
  }
  return child;
}

/** Starts anvil on a free port and returns a handle; `stop()` kills its process group. */
export async function startAnvil(extraArgs: readonly string[] = []): Promise<Anvil> {
  const port = await freePort();
  const child = await spawnAnvil(port, extraArgs);
  const url = `http://127.0.0.1:${port}`;
  const rpc = <T>(method: string, params: readonly unknown[] = []) =>
    rawRpc<T>(url, method, params);
  return {
    port,
    url,
    wsUrl: `ws://127.0.0.1:${port}`,
    accounts: await rpc<string[]>('eth_accounts'),
    rpc,
    send: async (tx) => waitForReceipt(rpc, await rpc<string>('eth_sendTransaction', [tx])),
    blockNumber: async () => Number(await rpc<string>('eth_blockNumber')),
    mine: async (blocks = 1) => {
      await rpc('anvil_mine', [`0x${blocks.toString(16)}`]);
    },
    stop: () => killGroup(child),
  };
}
