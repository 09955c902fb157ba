/** Limits of an adaptive block range. */
export interface RangeOptions {
  readonly initial: number;
  readonly max: number;
  /** Successes in a row at one size before trying twice as many blocks. */
  readonly growAfter?: number;
  /** Successes in a row after which a learned limit is forgotten (the provider may have changed). */
  readonly forgetAfter?: number;
}

/**
 * The number of blocks asked per eth_getLogs. Providers cap ranges and result sizes
 * differently (Alchemy 2,000 blocks or 10,000 logs, Infura 10,000 results, others 1,000
 * blocks): shrink on a refusal, to the size the provider suggests when it names one, and
 * grow back while calls succeed, but not to a size already refused (no probing every few
 * calls against a hard cap) until a long calm spell suggests the cap has moved.
 */
export class AdaptiveRange {
  private current: number;
  private calm = 0;
  private streak = 0;
  /** The smallest size known to be refused. */
  private limit = Number.POSITIVE_INFINITY;

  constructor(private readonly options: RangeOptions) {
    this.current = Math.max(1, Math.min(options.initial, options.max));
  }

  get size(): number {
    return this.current;
  }

  /** After a refusal of `refused` blocks; false when the range is already one block. */
  shrink(suggested?: number, refused = this.current): boolean {
    if (this.current <= 1 && refused <= 1) return false;
    const smaller =
      suggested !== undefined && suggested < refused ? suggested : Math.floor(refused / 2);
    // A provider that names a size has told us its cap; without one, the refused size bounds it.
    this.limit = Math.min(
      this.limit,
      suggested !== undefined && suggested < refused ? suggested + 1 : refused,
    );
    this.current = Math.max(1, Math.min(this.current, smaller));
    this.calm = 0;
    this.streak = 0;
    return true;
  }

  /** After a success over `blocks` blocks; a short final range says nothing about the limit. */
  succeeded(blocks: number): void {
    if (++this.streak >= (this.options.forgetAfter ?? 200)) this.limit = Number.POSITIVE_INFINITY;
    if (blocks < this.current) return;
    this.calm++;
    const next = Math.min(this.options.max, this.current * 2, this.limit - 1);
    if (this.calm >= (this.options.growAfter ?? 5) && next > this.current) {
      this.current = next;
      this.calm = 0;
    }
  }
}
