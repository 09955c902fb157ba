import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AdaptiveRange,
  BlockScanner,
  ChainIdMismatchError,
  EthersChainSource,
  type EthersSourceOptions,
  RangeTooLargeError,
  scanAdaptive,
  TokenRegistry,
  TRANSFER_TOPIC,
} from '../../services/chain-watcher/index.ts';
import { MemoryStateStore } from '../../shared/ports/state-store/index.ts';
import { type Anvil, freePort, startAnvil } from '../helpers/anvil.ts';
import { deployToken, emitTransfers } from './evm-token.ts';
import { startRpcProxy } from './rpc-proxy.ts';

describe('ethers chain source against anvil', () => {
  let anvil: Anvil;
  let token: string;
  let badToken: string;
  const opened: EthersChainSource[] = [];

  function source(options: Partial<EthersSourceOptions> & { urls: string[] }): EthersChainSource {
    const s = new EthersChainSource({ chain: 'local', backoffBaseMs: 10, ...options });
    opened.push(s);
    return s;
  }

  beforeAll(async () => {
    anvil = await startAnvil();
    token = await deployToken(anvil, { decimals: 6, symbol: 'FSUSD' });
    badToken = await deployToken(anvil, null);
    const [alice, bob] = anvil.accounts as [string, string];
    for (let i = 0; i < 40; i++) await emitTransfers(anvil, token, alice, bob, BigInt(i + 1));
  });
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await anvil?.stop();
  });

  it('checks a well-known chain name against the node, and takes the id of any other name', async () => {
    const wrong = source({ chain: 'ethereum', urls: [anvil.url], expectedChainId: 1n });
    const error = await wrong.checkUrls().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChainIdMismatchError);
    expect((error as Error).message).toMatch(
      /^FLOWSENTRY_RPC_ETHEREUM: http:\/\/127\.0\.0\.1:\d+ serves chain id 31337, but ethereum is chain id 1$/,
    );
    expect(await source({ urls: [anvil.url] }).chainId()).toBe(31337n);
    // Under one name, every URL must serve the same chain.
    const other = await startAnvil(['--chain-id', '5']);
    try {
      await expect(source({ urls: [anvil.url, other.url] }).checkUrls()).rejects.toThrow(
        /serves chain id 5, but local is chain id 31337/,
      );
    } finally {
      await other.stop();
    }
  });

  it('fails over from a dead URL and counts the error', async () => {
    const errors: string[] = [];
    const s = source({
      urls: [`http://127.0.0.1:${await freePort()}`, anvil.url],
      onError: (e) => errors.push(e.code),
    });
    expect(await s.headNumber()).toBe(await anvil.blockNumber());
    expect(errors).toEqual(['RPC_ERROR']);
    expect(await s.headNumber()).toBeGreaterThan(0); // stays on the URL that works
    expect(errors).toHaveLength(1);
  });

  it.each(['alchemy', 'infura', 'quicknode'] as const)(
    'shrinks the log range when a provider refuses it (%s wording)',
    async (refusal) => {
      const proxy = await startRpcProxy(anvil.url, { maxLogRange: 8, refusal });
      try {
        const s = source({ urls: [proxy.url] });
        const head = await anvil.blockNumber();
        const refused = await s
          .logs({ fromBlock: 0, toBlock: head, topics: [TRANSFER_TOPIC] })
          .catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(RangeTooLargeError);
        expect((refused as RangeTooLargeError).suggestedBlocks).toBe(
          refusal === 'quicknode' ? undefined : 8,
        );
        const range = new AdaptiveRange({ initial: 1000, max: 1000 });
        const scanner = new BlockScanner({
          source: s,
          tokens: new TokenRegistry(s, new MemoryStateStore(), 't:'),
          native: false,
        });
        let from = 0;
        let transfers = 0;
        while (from <= head) {
          const scan = await scanAdaptive(scanner, range, from, head);
          transfers += scan.transfers.length;
          from = scan.to + 1;
        }
        expect(transfers).toBe(40);
        expect(range.size).toBeLessThanOrEqual(8);
      } finally {
        await proxy.close();
      }
    },
  );

  it('rides out HTTP 429s and keeps to its own request rate', async () => {
    const proxy = await startRpcProxy(anvil.url, { throttleEvery: 3 });
    try {
      const errors: string[] = [];
      const s = source({
        urls: [proxy.url],
        requestsPerSecond: 40,
        onError: (e) => errors.push(e.code),
      });
      const started = Date.now();
      for (let i = 0; i < 60; i++) expect(await s.headNumber()).toBeGreaterThan(0);
      // 60 calls plus the chain-id check and the retries, at 40/s after a burst of 40.
      expect(Date.now() - started).toBeGreaterThanOrEqual(500);
      expect(errors.length).toBeGreaterThanOrEqual(15);
      expect(new Set(errors)).toEqual(new Set(['RPC_RATE_LIMITED']));
    } finally {
      await proxy.close();
    }
  });

  it('keeps retrying a dead WebSocket quietly (no unhandled rejection), while HTTP keeps working', async () => {
    const dead = `ws://127.0.0.1:${await freePort()}`;
    const s = source({ urls: [anvil.url], wsUrls: [dead] });
    const unsubscribe = s.onNewHead(() => {});
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await s.headNumber()).toBeGreaterThan(0);
    unsubscribe();
  });

  it('reads decimals and symbol once per token, and marks a token whose decimals() fails', async () => {
    const s = source({ urls: [anvil.url] });
    const store = new MemoryStateStore();
    const registry = new TokenRegistry(s, store, 't:');
    const infos = await registry.resolve([token.toLowerCase(), badToken.toLowerCase()]);
    expect(infos.get(token.toLowerCase())).toMatchObject({
      symbol: 'FSUSD',
      decimals: 6,
      decimalsUnknown: false,
    });
    expect(infos.get(badToken.toLowerCase())).toMatchObject({
      symbol: 'UNKNOWN',
      decimals: 0,
      decimalsUnknown: true,
    });
    // A new registry over the same store (a restart) reads no contract again.
    const counting = new TokenRegistry(
      {
        ...s,
        chain: 'local',
        call: async () => {
          throw new Error('should not call');
        },
      } as unknown as EthersChainSource,
      store,
      't:',
    );
    expect((await counting.resolve([token.toLowerCase()])).get(token.toLowerCase())?.decimals).toBe(
      6,
    );
  });
});
