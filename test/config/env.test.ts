import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../shared/config/env.ts';

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.kafkaBrokers).toEqual(['127.0.0.1:9092']);
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.topics).toEqual({
      payroll: 'payroll.events',
      transfers: 'chain.transfers',
      intel: 'intel.reports',
      dlq: 'flowsentry.dlq',
    });
    expect(c.apiPort).toBe(8080);
    expect(c.screener.changelogCompression).toBe('none');
    expect(
      loadConfig({ FLOWSENTRY_CHANGELOG_COMPRESSION: 'gzip' }).screener.changelogCompression,
    ).toBe('gzip');
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads per-chain RPC URLs and tokens', () => {
    const c = loadConfig({
      FLOWSENTRY_RPC_ETHEREUM: 'https://a.example, https://b.example',
      FLOWSENTRY_RPC_LOCAL: 'http://127.0.0.1:8545',
      FLOWSENTRY_TOKENS_ETHEREUM: '0xdAC17F958D2ee523a2206206994597C13D831ec7',
      FLOWSENTRY_API_TOKENS: 'platform-token-0123456789:platform,analyst-token-0123456789:analyst',
    });
    expect(c.rpc).toEqual({
      ethereum: ['https://a.example', 'https://b.example'],
      local: ['http://127.0.0.1:8545'],
    });
    expect(c.tokens.ethereum).toHaveLength(1);
    expect(c.apiTokens.map((t) => t.role)).toEqual(['platform', 'analyst']);
  });

  it.each([
    [{ KAFKA_BROKERS: 'localhost' }, /^KAFKA_BROKERS/],
    [{ REDIS_URL: 'http://x' }, /^REDIS_URL/],
    [{ FLOWSENTRY_API_PORT: '70000' }, /^FLOWSENTRY_API_PORT/],
    [{ FLOWSENTRY_API_TOKENS: 'sekrit-token-0123456789:root' }, /^FLOWSENTRY_API_TOKENS/],
    [{ FLOWSENTRY_RPC_ETHEREUM: 'not a url' }, /^FLOWSENTRY_RPC_ETHEREUM/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL/],
    [{ FLOWSENTRY_API_REFRESH_MS: '5' }, /^FLOWSENTRY_API_REFRESH_MS/],
    [{ FLOWSENTRY_API_RATE_LIMIT: '1.5' }, /^FLOWSENTRY_API_RATE_LIMIT/],
    [{ FLOWSENTRY_WEBHOOK_URL: 'https://hooks.example/x' }, /^FLOWSENTRY_WEBHOOK_SECRET/],
    [{ FLOWSENTRY_CHANGELOG_COMPRESSION: 'lz4' }, /^FLOWSENTRY_CHANGELOG_COMPRESSION/],
  ])('refuses %o with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes a token in its message', () => {
    expect(() => loadConfig({ FLOWSENTRY_API_TOKENS: 'sekrit-token-0123456789:root' })).not.toThrow(
      /sekrit/,
    );
  });

  it('parses the API settings with the rest, once, at start', () => {
    const c = loadConfig({ FLOWSENTRY_API_HOST: '127.0.0.1', FLOWSENTRY_API_RATE_LIMIT: '0' });
    expect(c.api).toEqual({
      host: '127.0.0.1',
      refreshMs: 2_000,
      rateLimit: { perMinute: 0, screenPerMinute: 6_000 },
      webhook: null,
    });
    expect(Object.isFrozen(c.api)).toBe(true);
  });

  it('takes a webhook over https, or plain http only to this machine', () => {
    const secret = 'x'.repeat(32);
    const hook = (url: string) =>
      loadConfig({ FLOWSENTRY_WEBHOOK_URL: url, FLOWSENTRY_WEBHOOK_SECRET: secret }).api.webhook;
    expect(hook('https://hooks.example/flowsentry')?.url).toBe('https://hooks.example/flowsentry');
    expect(hook('http://127.0.0.1:9000/hook')?.attempts).toBe(8);
    expect(hook('http://localhost/hook')).not.toBeNull();
    expect(() => hook('http://hooks.example/flowsentry')).toThrow(
      /^FLOWSENTRY_WEBHOOK_URL must be https/,
    );
    expect(() => hook('ftp://hooks.example/')).toThrow(/^FLOWSENTRY_WEBHOOK_URL/);
  });
});
