/** Waits `ms`, or less when `signal` aborts (then it resolves early, never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Exponential backoff with full jitter: spreads retries of many callers apart. */
export function backoffMs(attempt: number, baseMs = 200, capMs = 10_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/**
 * A request rate limit (GCRA, the leaky-bucket form): `perSecond` on average with bursts of
 * `burst` requests. A batch of n calls costs n, because providers count calls, not requests.
 */
export class RateLimiter {
  private tat = 0;
  private readonly intervalMs: number;

  constructor(
    perSecond: number,
    private readonly burst = Math.max(1, Math.ceil(perSecond)),
    private readonly now: () => number = Date.now,
  ) {
    this.intervalMs = perSecond > 0 ? 1000 / perSecond : 0;
  }

  /** Resolves when `cost` calls may go out; 0 per second means no limit. */
  async acquire(cost = 1): Promise<void> {
    if (this.intervalMs === 0) return;
    const t = this.now();
    const start = Math.max(this.tat, t);
    this.tat = start + cost * this.intervalMs;
    const wait = this.tat - this.burst * this.intervalMs - t;
    if (wait > 0) await sleep(wait);
  }
}
