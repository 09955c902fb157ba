import { describe, expect, it } from 'vitest';
import { AdaptiveRange } from '../../services/chain-watcher/index.ts';
import { RateLimiter } from '../../services/chain-watcher/pace.ts';

describe('adaptive log range', () => {
  it('shrinks to a suggested size and does not grow past it', () => {
    const r = new AdaptiveRange({ initial: 2000, max: 2000, growAfter: 2 });
    expect(r.shrink(500)).toBe(true);
    expect(r.size).toBe(500);
    for (let i = 0; i < 50; i++) r.succeeded(500);
    expect(r.size).toBe(500);
  });

  it('halves without a suggestion, then grows back below the refused size', () => {
    const r = new AdaptiveRange({ initial: 1000, max: 1000, growAfter: 2 });
    r.shrink();
    r.shrink();
    expect(r.size).toBe(250);
    for (let i = 0; i < 10; i++) r.succeeded(r.size);
    expect(r.size).toBe(499); // 500 was refused
  });

  it('forgets a learned limit after a long calm spell, and cannot shrink below one block', () => {
    const r = new AdaptiveRange({ initial: 8, max: 64, growAfter: 1, forgetAfter: 10 });
    r.shrink(4);
    for (let i = 0; i < 20; i++) r.succeeded(r.size);
    expect(r.size).toBe(64);
    const one = new AdaptiveRange({ initial: 1, max: 10 });
    expect(one.shrink()).toBe(false);
  });

  it('ignores short final ranges when deciding to grow', () => {
    const r = new AdaptiveRange({ initial: 100, max: 1000, growAfter: 1 });
    r.succeeded(3);
    expect(r.size).toBe(100);
    r.succeeded(100);
    expect(r.size).toBe(200);
  });
});

describe('request rate limiter', () => {
  it('lets a burst through, then spaces calls at the rate; a batch costs its calls', async () => {
    let now = 0;
    const limiter = new RateLimiter(10, 5, () => now);
    const started = Date.now();
    for (let i = 0; i < 5; i++) await limiter.acquire();
    expect(Date.now() - started).toBeLessThan(50);
    // The clock stands still, so the next call must wait one interval (100 ms) of real time.
    const t = Date.now();
    await limiter.acquire();
    expect(Date.now() - t).toBeGreaterThanOrEqual(90);
    now = 10_000; // long idle: the bucket is full again
    const u = Date.now();
    await limiter.acquire(5);
    expect(Date.now() - u).toBeLessThan(50);
  });

  it('is a no-op at 0 per second', async () => {
    const limiter = new RateLimiter(0);
    const t = Date.now();
    for (let i = 0; i < 1000; i++) await limiter.acquire(10);
    expect(Date.now() - t).toBeLessThan(100);
  });
});
