import type { NormalizedEvent } from '../../../shared/normalize/index.ts';

/** Distinct strings kept before the table starts over (bounds its memory). */
const LIMIT = 250_000;

/**
 * One copy of each string that events repeat. JSON.parse gives every occurrence of a wallet
 * address, chain or asset its own string; the engine keeps past events for lookback, so in
 * a year of history those copies are most of its memory. Sharing them changes no value.
 */
export class SharedStrings {
  private readonly table = new Map<string, string>();

  /** The shared copy of `s`. */
  of(s: string): string {
    const known = this.table.get(s);
    if (known !== undefined) return known;
    if (this.table.size >= LIMIT) this.table.clear();
    this.table.set(s, s);
    return s;
  }

  /** The same event with its envelope's repeated strings shared (replaced in place: the event is new). */
  event(e: NormalizedEvent): NormalizedEvent {
    const env = e.envelope as { type: string; source: string; data: Record<string, unknown> };
    env.type = this.of(env.type);
    env.source = this.of(env.source);
    const data = env.data;
    for (const field of WALLET_FIELDS) {
      const v = data[field];
      if (typeof v === 'string') data[field] = this.of(v);
    }
    const asset = data.asset as { symbol?: string; contract?: string | null } | undefined;
    if (asset && typeof asset === 'object') {
      if (typeof asset.symbol === 'string') asset.symbol = this.of(asset.symbol);
      if (typeof asset.contract === 'string') asset.contract = this.of(asset.contract);
    }
    // The wallet parties are not shared: only the envelope outlives the event's screening.
    return e;
  }
}

/** Data fields that name a wallet, a chain, an asset or a party: the values events repeat. */
const WALLET_FIELDS = [
  'chain',
  'from',
  'to',
  'toAddress',
  'fromAddress',
  'asset',
  'workerId',
  'employerId',
] as const;
