import { eventTimeMs } from '../../normalize/index.ts';
import type { Feeder, OpenPayout, TransferRecord, WalletRecord } from '../state/records.ts';
import type { ModelContext } from './context.ts';
import type { Feeding } from './facts.ts';
import { appended } from './lean.ts';
import type { Movement } from './taint.ts';
import { addTag } from './wallets.ts';

/** Feeders one collector keeps as evidence. */
const MAX_FEEDERS = 100;

/**
 * Starts watching where a payout goes next. Payouts open in the order the engine screens
 * them, event time, so the ones past the forwarding window wait at the front and leave from
 * there; the others are not read at all. Reading every open payout of the wallet on each new
 * one (dozens for a wallet paid every week) cost more in cache misses than the rest of the
 * payout's work. A payout that arrived late may stay behind a fresher one until that one
 * leaves: every reader checks the window itself (`openAt`). A payout id opens once (its
 * payout record says it was credited), so no duplicate is looked for.
 */
export function openPayout(ctx: ModelContext, wallet: WalletRecord, payout: OpenPayout): void {
  const since = payout.atMs - ctx.options.forwardWindowMs;
  const open = wallet.open;
  let stale = 0;
  while (stale < open.length && open[stale]!.atMs < since) stale++;
  if (stale === open.length) wallet.open = [payout];
  else {
    if (stale > 0) open.splice(0, stale);
    open.push(payout);
  }
}

/** True when the transfer is the on-chain leg of a payout to `wallet` (same tx hash). */
export function isPayoutLeg(wallet: WalletRecord, txHash: string): boolean {
  if (wallet.open.length === 0) return false;
  const hash = txHash.toLowerCase();
  const open = wallet.open;
  for (let i = 0; i < open.length; i++) if (open[i]!.txHash === hash) return true;
  return false;
}

/** What is left of a payout to forward: its amount less everything already sent on. */
function room(p: OpenPayout): number {
  let sent = 0;
  for (const key in p.forwarded) sent += p.forwarded[key]!;
  return p.amount - sent;
}

/**
 * The payout a forward from `wallet` at `at` belongs to: the latest one in its window not
 * yet forwarded; else the one with the most left to forward; else the latest. A wallet
 * shared by several workers forwards each payout in turn, and each must count for its own
 * worker without one payout being credited more than it carried.
 */
function openAt(
  ctx: ModelContext,
  wallet: WalletRecord,
  cls: string,
  at: string,
): OpenPayout | undefined {
  if (wallet.open.length === 0) return undefined;
  const t = eventTimeMs(at);
  let latest: OpenPayout | undefined;
  let roomiest: OpenPayout | undefined;
  for (let i = wallet.open.length - 1; i >= 0; i--) {
    const p = wallet.open[i]!;
    if (p.cls !== cls || p.atMs > t || t - p.atMs > ctx.options.forwardWindowMs) continue;
    if (p.fedTo === undefined) return p;
    latest ??= p;
    if (room(p) > 0 && (!roomiest || room(p) > room(roomiest))) roomiest = p;
  }
  return roomiest ?? latest;
}

/** Distinct workers feeding a collector. */
export function feederWorkers(collector: WalletRecord): number {
  return new Set(collector.feeders.map((f) => f.workerId)).size;
}

/** True when a list names the wallet as something that is never a collector (an exchange). */
function excluded(ctx: ModelContext, key: string): boolean {
  return ctx.tags.lookup(key).some((h) => ctx.options.notCollectors.includes(h.entry.category));
}

/**
 * Counts a transfer towards forwarding the payout its sender received last. Once the
 * forwarded share passes the threshold, the sender is a feeder of the receiver; with
 * enough distinct workers feeding it, the receiver is tagged a collector.
 */
export function countForward(
  ctx: ModelContext,
  from: WalletRecord,
  to: WalletRecord,
  rec: TransferRecord,
  m: Movement,
): void {
  const payout = openAt(ctx, from, m.cls, m.at);
  if (!payout || from.key === to.key) return;
  payout.forwarded ??= {};
  const sent = (payout.forwarded[to.key] ?? 0) + m.amount;
  payout.forwarded[to.key] = sent;
  rec.forwarded = { payoutId: payout.payoutId, collector: to.key };
  // A payout cannot forward more than it carried; funds beyond it came from elsewhere.
  const share = Math.min(1, sent / payout.amount);
  const known = feederOf(to, payout.payoutId);
  if (known) known.share = share;
  if (payout.fedTo !== undefined || share < ctx.options.forwardMinShare) return;
  payout.fedTo = to.key;
  addFeeder(ctx, to, {
    workerId: payout.workerId,
    wallet: from.address,
    walletKey: from.key,
    payoutId: payout.payoutId,
    share,
    txHash: m.txHash,
    eventId: m.eventId,
    at: m.at,
  });
}

/** Records a feeder; with enough distinct workers the receiver is tagged a collector. */
function addFeeder(ctx: ModelContext, to: WalletRecord, feeder: Feeder): void {
  if (to.feeders.length >= MAX_FEEDERS) to.feeders.shift();
  to.feeders = appended(to.feeders, feeder);
  if (feederWorkers(to) >= ctx.options.minFeeders && !excluded(ctx, to.key)) {
    const { eventId, at } = feeder;
    addTag(to, {
      category: 'collector',
      id: 'consolidation',
      eventId,
      at,
      name: 'collector of payroll forwards',
    });
  }
}

/** Undoes `countForward` for a retracted transfer; a collector that falls below the bar loses its tag. */
export function uncountForward(
  ctx: ModelContext,
  from: WalletRecord,
  to: WalletRecord,
  rec: TransferRecord,
  m: Movement,
): void {
  const counted = rec.forwarded;
  if (!counted) return;
  const payout = from.open.find((p) => p.payoutId === counted.payoutId);
  if (payout?.forwarded) {
    const left = Math.max(0, (payout.forwarded[to.key] ?? 0) - m.amount);
    payout.forwarded[to.key] = left;
    if (payout.fedTo === to.key && left / payout.amount < ctx.options.forwardMinShare) {
      payout.fedTo = undefined;
    }
  }
  if (payout?.fedTo !== to.key)
    to.feeders = to.feeders.filter((f) => f.payoutId !== counted.payoutId);
  if (feederWorkers(to) < ctx.options.minFeeders)
    to.tags = to.tags.filter((t) => t.category !== 'collector');
}

/** The feeding this transfer took part in, rebuilt from state (so a redelivery finds it again). */
export function feedingOf(
  from: WalletRecord,
  to: WalletRecord,
  rec: TransferRecord,
): Feeding | undefined {
  const counted = rec.forwarded;
  if (!counted) return undefined;
  const feeder = feederOf(to, counted.payoutId, from.key);
  return feeder ? { collector: to, feeder } : undefined;
}

/**
 * The collector's feeder for a payout (and sending wallet, when given). A plain loop: every
 * forwarding transfer asks, and `find` with a closure allocated per call.
 */
function feederOf(to: WalletRecord, payoutId: string, walletKey?: string): Feeder | undefined {
  const feeders = to.feeders;
  for (let i = 0; i < feeders.length; i++) {
    const f = feeders[i]!;
    if (f.payoutId === payoutId && (walletKey === undefined || f.walletKey === walletKey)) return f;
  }
  return undefined;
}
