import { describe, expect, it } from 'vitest';
import {
  classifyHttpStatus,
  classifyRpcError,
} from '../../services/chain-watcher/ethers/classify.ts';
import { redactUrl } from '../../services/chain-watcher/ethers/endpoint.ts';

const code = (method: string, error: { code?: number; message?: string; data?: unknown }) =>
  classifyRpcError(method, error).code;

describe('RPC error classification', () => {
  it('recognizes refused log ranges in the wording of common providers', () => {
    const refusals = [
      {
        code: -32602,
        message: 'Log response size exceeded. ... this block range should work: [0x10, 0x20]',
      },
      { code: -32005, message: 'query returned more than 10000 results' },
      { code: -32000, message: 'exceed maximum block range: 1000' },
      { code: -32614, message: 'eth_getLogs is limited to a 10,000 blocks range' },
      { code: -32000, message: 'block range is too wide' },
      { code: -32000, message: 'query exceeds max results 20000, retry with the range 1-2' },
      { code: -32000, message: 'eth_getLogs range is too large, max is 1k blocks' },
    ];
    for (const e of refusals) expect(code('eth_getLogs', e), e.message).toBe('RPC_RANGE_TOO_LARGE');
  });

  it('reads the suggested range from the message or from Infura data', () => {
    const alchemy = classifyRpcError('eth_getLogs', {
      message: 'Log response size exceeded. this block range should work: [0x10, 0x20]',
    });
    expect(alchemy).toMatchObject({ suggestedBlocks: 17 });
    const infura = classifyRpcError('eth_getLogs', {
      code: -32005,
      message: 'query returned more than 10000 results',
      data: { from: '0x1', to: '0x64' },
    });
    expect(infura).toMatchObject({ suggestedBlocks: 100 });
  });

  it('tells rate limits, missing methods, reverts and other errors apart', () => {
    expect(code('eth_getLogs', { code: -32005, message: 'project ID request rate exceeded' })).toBe(
      'RPC_RATE_LIMITED',
    );
    expect(
      code('eth_blockNumber', {
        code: 429,
        message: 'Your app has exceeded its compute units per second capacity',
      }),
    ).toBe('RPC_RATE_LIMITED');
    expect(
      code('eth_getBlockReceipts', {
        code: -32601,
        message: 'the method eth_getBlockReceipts does not exist/is not available',
      }),
    ).toBe('RPC_METHOD_UNSUPPORTED');
    expect(code('eth_call', { code: 3, message: 'execution reverted' })).toBe('CALL_REVERTED');
    const other = classifyRpcError('eth_getBlockByNumber', {
      code: -32000,
      message: 'header not found',
    });
    expect(other).toMatchObject({ code: 'RPC_ERROR', retryable: true });
    expect(classifyHttpStatus('eth_blockNumber', 429, '2', '')).toMatchObject({
      code: 'RPC_RATE_LIMITED',
      retryAfterMs: 2000,
    });
    expect(classifyHttpStatus('eth_getLogs', 413, undefined, '')).toMatchObject({
      code: 'RPC_RANGE_TOO_LARGE',
      retryable: false,
    });
    expect(classifyHttpStatus('eth_blockNumber', 503, undefined, 'down')).toMatchObject({
      code: 'RPC_ERROR',
      retryable: true,
    });
  });

  it('never shows credentials or API keys of a URL', () => {
    expect(redactUrl('https://user:pw@eth-mainnet.g.alchemy.com/v2/SECRETKEY')).toBe(
      'https://eth-mainnet.g.alchemy.com/…',
    );
    expect(redactUrl('http://127.0.0.1:8545')).toBe('http://127.0.0.1:8545');
  });
});
