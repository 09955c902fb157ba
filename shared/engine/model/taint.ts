import type { Origin, OriginHop, WalletRecord } from '../state/records.ts';
import type { ModelOptions } from './context.ts';
import { appended, EMPTY, setBalance } from './lean.ts';

const STABLECOINS = new Set([
  'USDC',
  'USDT',
  'DAI',
  'BUSD',
  'USDP',
  'TUSD',
  'PYUSD',
  'FDUSD',
  'USDE',
  'USD',
]);

const classes = new Map<string, string>();

/** Asset class of a symbol: stablecoins are one class (payroll pays in any of them). */
export function assetClass(symbol: string): string {
  let cls = classes.get(symbol);
  if (cls === undefined) {
    const s = symbol.toUpperCase();
    cls = STABLECOINS.has(s) ? 'USD' : s;
    if (classes.size < 10_000) classes.set(symbol, cls);
  }
  return cls;
}

/** True when two slices are of one worker's pay into one payout wallet in one asset class (they merge). */
export function sameSlice(a: Origin, b: Origin): boolean {
  return a.workerId === b.workerId && a.walletKey === b.walletKey && a.cls === b.cls;
}

/**
 * The slice in `list` that `slice` merges with, if any. An indexed loop: every transfer
 * asks, and `for...of` over lists that are sometimes the frozen `EMPTY` was not optimized
 * (an iterator and a result object per slice, a sixth of the engine's garbage).
 */
function sliceLike(list: readonly Origin[], slice: Origin): Origin | undefined {
  for (let i = 0; i < list.length; i++) if (sameSlice(list[i]!, slice)) return list[i];
  return undefined;
}

/** Shared by every transfer that carries nothing; never mutated. */
export const NOTHING: Origin[] = [];

/**
 * A slice like `o` with new amounts, path and arrival, every field written in one order: a
 * spread (`{ ...o, held }`) that adds or overrides fields builds a dictionary-mode object,
 * about 730 bytes against 250 for this one.
 */
function copySlice(
  o: Origin,
  amounts: { held: number; inbound: number; sinceLast?: number | undefined },
  hops: OriginHop[],
  arrival: { eventId: string; at: string },
): Origin {
  return {
    workerId: o.workerId,
    payoutIds: o.payoutIds,
    wallet: o.wallet,
    walletKey: o.walletKey,
    chain: o.chain,
    cls: o.cls,
    paid: o.paid,
    held: amounts.held,
    inbound: amounts.inbound,
    hops,
    eventId: arrival.eventId,
    at: arrival.at,
    lastPayout: o.lastPayout,
    lastPaidAt: o.lastPaidAt,
    sinceLast: amounts.sinceLast,
  };
}

/** Drops slices below the tracking share, in place (no new array per transfer). */
function compact(wallet: WalletRecord, minShare: number): void {
  const list = wallet.origins;
  let kept = 0;
  for (let i = 0; i < list.length; i++)
    if (list[i]!.held / list[i]!.paid >= minShare) list[kept++] = list[i]!;
  list.length = kept;
}

/** One transfer as the taint model sees it. */
export interface Movement {
  readonly cls: string;
  readonly amount: number;
  readonly txHash: string;
  readonly eventId: string;
  readonly at: string;
}

/**
 * Takes the payout slices a transfer moves out of `from`, in proportion ("haircut"): a
 * transfer of a tenth of the balance carries a tenth of every slice. A balance the engine
 * never saw funded counts as the amount sent, so unknown funds never inflate exposure past
 * the whole slice. Cost is bounded by `maxOrigins`, whatever the size of the graph.
 */
export function carry(
  from: WalletRecord,
  to: WalletRecord,
  m: Movement,
  o: ModelOptions,
): Origin[] {
  const balance = from.balances[m.cls] ?? 0;
  const fraction = balance > m.amount ? m.amount / balance : 1;
  setBalance(from, m.cls, Math.max(0, balance - m.amount));
  if (from.origins.length === 0) return NOTHING;
  let out = NOTHING;
  const origins = from.origins;
  for (let i = 0; i < origins.length; i++) {
    const origin = origins[i]!;
    if (origin.cls !== m.cls || origin.held <= 0) continue;
    const part = origin.held * fraction;
    origin.held -= part;
    const share = part / origin.paid;
    if (origin.hops.length >= o.maxHops || share < o.minTrackShare) continue;
    const hop: OriginHop = {
      from: from.address,
      to: to.address,
      txHash: m.txHash,
      amount: part,
      share,
    };
    if (out === NOTHING) out = [];
    out.push(
      copySlice(origin, { held: part, inbound: part, sinceLast: part }, [...origin.hops, hop], m),
    );
  }
  compact(from, o.minTrackShare);
  return out;
}

/** Credits carried slices to `to`, merging slices of the same payout; keeps the largest few. */
export function receive(
  to: WalletRecord,
  carried: readonly Origin[],
  m: Movement,
  o: ModelOptions,
): void {
  setBalance(to, m.cls, (to.balances[m.cls] ?? 0) + m.amount);
  for (let i = 0; i < carried.length; i++) {
    const slice = carried[i]!;
    const same = sliceLike(to.origins, slice);
    if (!same) {
      // Hop lists are never changed in place (a longer path is a new list), so they are shared.
      to.origins = appended(to.origins, copySlice(slice, slice, slice.hops, slice));
      continue;
    }
    same.held += slice.held;
    same.inbound += slice.inbound;
    sinceLatestPayout(same, slice);
    if (slice.paid > same.paid) {
      same.paid = slice.paid;
      same.payoutIds = slice.payoutIds;
    }
    // `at` stays the first arrival, so eviction goes by how long a payout has been here.
    same.eventId = slice.eventId;
  }
  while (to.origins.length > o.maxOrigins) dropStalest(to.origins);
}

/**
 * Counts what arrived of the latest payout: a slice carrying a newer payout than the one
 * here starts the count again, so each payout's share is measured on its own.
 */
function sinceLatestPayout(here: Origin, slice: Origin): void {
  const arrived = slice.sinceLast ?? slice.inbound;
  if (slice.lastPaidAt !== here.lastPaidAt) {
    here.lastPayout = slice.lastPayout;
    here.lastPaidAt = slice.lastPaidAt;
    here.sinceLast = arrived;
  } else here.sinceLast = (here.sinceLast ?? 0) + arrived;
}

/**
 * Removes the slice whose payout first arrived longest ago (the smaller one on a tie). A
 * wallet that only receives (a listed wallet, a collector between sweeps) keeps its
 * latest payouts, the ones a new transfer can still alert about. One scan, no sort.
 */
function dropStalest(list: Origin[]): void {
  let at = 0;
  for (let i = 1; i < list.length; i++) {
    const a = list[i]!;
    const b = list[at]!;
    if (a.at < b.at || (a.at === b.at && a.held < b.held)) at = i;
  }
  list.splice(at, 1);
}

/** Undoes `receive` and `carry` of a retracted transfer: slices go back where they came from. */
export function unwind(
  from: WalletRecord,
  to: WalletRecord,
  carried: readonly Origin[],
  m: Movement,
): void {
  setBalance(to, m.cls, Math.max(0, (to.balances[m.cls] ?? 0) - m.amount));
  setBalance(from, m.cls, (from.balances[m.cls] ?? 0) + m.amount);
  for (const slice of carried) {
    const there = to.origins.find((x) => sameSlice(x, slice));
    if (there) {
      there.held = Math.max(0, there.held - slice.held);
      there.inbound = Math.max(0, there.inbound - slice.inbound);
      if (there.sinceLast !== undefined)
        there.sinceLast = Math.max(0, there.sinceLast - (slice.sinceLast ?? slice.inbound));
    }
    const back = from.origins.find((x) => sameSlice(x, slice));
    if (back) back.held += slice.held;
    else
      from.origins = appended(
        from.origins,
        copySlice(
          slice,
          { held: slice.held, inbound: slice.held, sinceLast: slice.sinceLast },
          slice.hops.slice(0, -1),
          slice,
        ),
      );
  }
  to.origins = to.origins.filter((x) => x.inbound > 0);
}

/** The slices at `to` that a transfer carrying `carried` added to. */
export function arrivedAt(to: WalletRecord, carried: readonly Origin[]): Origin[] {
  if (carried.length === 0) return NOTHING;
  const out: Origin[] = [];
  const here = to.origins;
  for (let i = 0; i < here.length; i++) if (sliceLike(carried, here[i]!)) out.push(here[i]!);
  return out;
}

/** A payout landing in its payout wallet (hop 0): adds to the worker's slice there, or starts one. */
export function creditPayout(p: {
  payoutId: string;
  workerId: string;
  wallet: WalletRecord;
  cls: string;
  amount: number;
  eventId: string;
  at: string;
}): void {
  const { wallet, amount } = p;
  let own: Origin | undefined;
  const origins = wallet.origins;
  for (let i = 0; i < origins.length; i++) {
    const o = origins[i]!;
    if (o.workerId === p.workerId && o.walletKey === wallet.key && o.cls === p.cls) {
      own = o;
      break;
    }
  }
  if (own) {
    own.paid += amount;
    own.held += amount;
    own.inbound += amount;
    own.lastPayout = amount;
    own.lastPaidAt = p.at;
    // A new array, never a push: slices already carried downstream share the old one.
    own.payoutIds = [...own.payoutIds.slice(-(MAX_PAYOUT_IDS - 1)), p.payoutId];
    return;
  }
  wallet.origins = appended(wallet.origins, {
    workerId: p.workerId,
    payoutIds: [p.payoutId],
    wallet: wallet.address,
    walletKey: wallet.key,
    chain: wallet.chain,
    cls: p.cls,
    paid: amount,
    held: amount,
    inbound: amount,
    hops: EMPTY,
    eventId: p.eventId,
    at: p.at,
    lastPayout: amount,
    lastPaidAt: p.at,
    sinceLast: undefined,
  });
}

/** Payout ids a slice keeps for evidence. */
const MAX_PAYOUT_IDS = 5;
