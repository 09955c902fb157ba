import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../shared/config/env.ts';

const settings = (env: Record<string, string>) => loadConfig(env).chainWatcher;

describe('chain watcher settings', () => {
  it('reads chains, URLs, tokens and the expected chain id', () => {
    const s = settings({
      FLOWSENTRY_RPC_ETHEREUM: 'https://a.example/v2/key,https://b.example,wss://a.example/ws',
      FLOWSENTRY_TOKENS_ETHEREUM: '0xdAC17F958D2ee523a2206206994597C13D831ec7',
      FLOWSENTRY_RPC_LOCAL: 'http://127.0.0.1:8545',
      FLOWSENTRY_CONFIRMATIONS: '12',
      FLOWSENTRY_CONFIRMATIONS_LOCAL: '0',
      FLOWSENTRY_CHAIN_START_LOCAL: '0',
    });
    const [ethereum, local] = s.chains;
    expect(ethereum).toMatchObject({
      chain: 'ethereum',
      httpUrls: ['https://a.example/v2/key', 'https://b.example'],
      wsUrls: ['wss://a.example/ws'],
      expectedChainId: 1n,
      contracts: ['0xdac17f958d2ee523a2206206994597c13d831ec7'],
      confirmations: 12,
      startBlock: 'head',
    });
    expect(local).toMatchObject({ chain: 'local', confirmations: 0, startBlock: 0 });
    expect(local!.expectedChainId).toBeUndefined();
    expect(local!.contracts).toBeUndefined();
    expect(s).toMatchObject({
      pollMs: 2000,
      reorgWindow: 128,
      maxRange: 2000,
      native: true,
      requestsPerSecond: 25,
    });
  });

  it('picks a subset with FLOWSENTRY_CHAINS (one process per chain)', () => {
    const s = settings({
      FLOWSENTRY_RPC_ETHEREUM: 'https://a.example',
      FLOWSENTRY_RPC_BASE: 'https://b.example',
      FLOWSENTRY_CHAINS: 'base',
    });
    expect(s.chains.map((c) => c.chain)).toEqual(['base']);
  });

  it('stops with one line naming the variable that is wrong', () => {
    expect(() => settings({ FLOWSENTRY_RPC_BASE: 'wss://only.example' })).toThrow(
      /^FLOWSENTRY_RPC_BASE: needs an http\(s\) URL/,
    );
    expect(() =>
      settings({ FLOWSENTRY_RPC_BASE: 'https://x.example', FLOWSENTRY_TOKENS_BASE: 'USDC' }),
    ).toThrow(/^FLOWSENTRY_TOKENS_BASE: "USDC" is not a 0x address/);
    expect(() => settings({ FLOWSENTRY_RPC_TRON: 'https://x.example' })).toThrow(
      /^FLOWSENTRY_RPC_TRON: the chain watcher follows EVM chains only/,
    );
    expect(() =>
      settings({ FLOWSENTRY_RPC_BASE: 'https://x.example', FLOWSENTRY_CHAIN_POLL_MS: 'soon' }),
    ).toThrow(/^FLOWSENTRY_CHAIN_POLL_MS="soon"/);
    expect(() =>
      settings({ FLOWSENTRY_RPC_BASE: 'https://x.example', FLOWSENTRY_CHAINS: 'polygon' }),
    ).toThrow(/^FLOWSENTRY_CHAINS: no FLOWSENTRY_RPC_<CHAIN> for polygon/);
    expect(() =>
      settings({ FLOWSENTRY_RPC_BASE: 'https://x.example', FLOWSENTRY_CHAIN_NATIVE: 'maybe' }),
    ).toThrow(/^FLOWSENTRY_CHAIN_NATIVE/);
  });
});
