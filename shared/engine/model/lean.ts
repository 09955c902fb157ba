import type { WalletRecord } from '../state/records.ts';

// Most records hold nothing in most of their lists (a payout wallet has no feeders, a hop
// wallet no payouts), and an empty array still costs 32 bytes, an array grown by `push`
// from empty about 150. So a record starts with these shared, frozen empties and gets a
// list of its own, sized to its first item, on the first write. Frozen, so a write that
// forgets to replace them throws instead of changing every record at once.

/** The empty list every record starts with; replaced, never pushed into. */
export const EMPTY: never[] = Object.freeze([]) as never[];

/** No balance yet (see `setBalance`). */
export const NO_BALANCES: Record<string, number> = Object.freeze({}) as Record<string, number>;

/** `list` with `item` at its end: a first item gets a list of one, later ones grow it in place. */
export function appended<T>(list: T[], item: T): T[] {
  if (list.length === 0) return [item];
  list.push(item);
  return list;
}

/** Sets one asset class's balance of a wallet. */
export function setBalance(wallet: WalletRecord, cls: string, value: number): void {
  if (wallet.balances === NO_BALANCES) wallet.balances = {};
  wallet.balances[cls] = value;
}
