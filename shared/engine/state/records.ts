import type { Envelope } from '../../contract/index.ts';

// Everything here is plain JSON (no Map, Set or class) so the Redis-backed state can
// serialize it as is; the in-memory state holds the same objects without serializing.

/** One hop of a payout slice's path (amounts stay numbers until they become evidence). */
export interface OriginHop {
  readonly from: string;
  readonly to: string;
  readonly txHash: string;
  /** Amount of the slice that moved on this hop. */
  readonly amount: number;
  /** That amount as a share of the payout. */
  readonly share: number;
}

/**
 * A slice of one worker's pay held by a wallet: the unit of taint the graph propagates.
 * Payouts to the same payout wallet in the same asset add up into one slice, so a wallet
 * paid every two weeks carries one slice, not one per pay run.
 */
export interface Origin {
  /** Slices of the same worker, payout wallet and asset class merge (see `sameSlice`). */
  readonly workerId: string;
  /** The latest payouts that make up the slice (a few, for evidence). */
  payoutIds: readonly string[];
  /** The payout wallet, display form and key. */
  readonly wallet: string;
  readonly walletKey: string;
  readonly chain: string;
  /** Asset class (`USD` for stablecoins, else the symbol): taint moves only with its asset. */
  readonly cls: string;
  /** What the worker was paid into the payout wallet (when this slice left it). */
  paid: number;
  /** How much of it this wallet holds now. */
  held: number;
  /** How much of it ever reached this wallet. */
  inbound: number;
  /** The path from the payout wallet to this wallet (the first one seen). */
  hops: OriginHop[];
  /** The last transfer event that brought some of it here. */
  eventId: string;
  /** When the first of it arrived here. */
  readonly at: string;
  /** The latest payout into the payout wallet: its amount and time (absent in records kept before they were added). */
  lastPayout?: number;
  lastPaidAt?: string;
  /** How much of it arrived here since that payout: with `lastPayout`, the share of each payout that arrived. */
  sinceLast?: number;
}

/** A payout whose forwarding the consolidation rule is still watching. */
export interface OpenPayout {
  readonly payoutId: string;
  readonly workerId: string;
  readonly amount: number;
  readonly cls: string;
  /** When it was paid, in epoch ms (the hot path compares numbers, not dates). */
  readonly atMs: number;
  /** The payout's own transaction: its on-chain leg must not be credited again. */
  readonly txHash?: string;
  /** Amount forwarded so far, by receiving wallet key (absent until the first forward). */
  forwarded?: Record<string, number>;
  /** The wallet that received most of it, once it did. */
  fedTo?: string;
}

/** A worker's wallet that forwarded most of a payout to a collector. */
export interface Feeder {
  readonly workerId: string;
  readonly wallet: string;
  readonly walletKey: string;
  readonly payoutId: string;
  share: number;
  readonly txHash: string;
  readonly eventId: string;
  readonly at: string;
}

/** A tag the engine derives itself: collectors it found, wallets named by extortion reports. */
export interface DerivedTag {
  readonly category: 'collector' | 'extortion';
  /** Report id, or `consolidation` for collectors. */
  readonly id: string;
  readonly eventId: string;
  readonly at: string;
  readonly name: string;
}

/** A worker paid to a wallet: the first payout of that worker there. */
export interface PaidRef {
  readonly workerId: string;
  readonly payoutId: string;
  readonly at: string;
}

/** What the engine knows about one wallet (key `a:<wallet key>`). */
export interface WalletRecord {
  readonly key: string;
  readonly chain: string;
  readonly address: string;
  /** First on-chain transfer seen touching it; absent when none yet (a fresh wallet). */
  firstSeen?: string;
  balances: Record<string, number>;
  origins: Origin[];
  paid: PaidRef[];
  /** Workers whose profile lists it as a payout wallet. */
  claimedBy: string[];
  open: OpenPayout[];
  feeders: Feeder[];
  tags: DerivedTag[];
  /**
   * Retained events about the wallet, screened again when a list or report names it later,
   * oldest first, as one flat list of pairs: event time, event id (an object per event
   * cost 40 bytes more). The envelope is a record of its own (`e:<id>`, written once), so a
   * wallet record stays small and rewriting it after a change costs little.
   */
  activity: string[];
}

/** A payout wallet named in a profile, and when it first appeared there. */
export interface WalletClaim {
  readonly key: string;
  readonly chain: string;
  readonly address: string;
  readonly addedAt: string;
}

/** A wallet a worker was paid to, and the first payout there. */
export interface PaidWallet {
  readonly key: string;
  readonly address: string;
  readonly payoutId: string;
  readonly at: string;
}

/** What the engine knows about one worker (key `w:<workerId>`). */
export interface WorkerRecord {
  readonly workerId: string;
  /** The latest `worker.upserted` envelope; absent for a worker seen only in payouts. */
  envelope?: Envelope<'worker.upserted'>;
  at: string;
  wallets: WalletClaim[];
  paidWallets: PaidWallet[];
  /** State keys of the attribute index entries that list this worker. */
  attrs: string[];
  /** State keys of the name index entries that list this worker. */
  names: string[];
}

/** An extortion report that named a contact. */
export interface ReportRef {
  readonly reportId: string;
  readonly eventId: string;
  readonly at: string;
  readonly value: string;
}

/** Workers and reports sharing one normalized attribute (key `x:<kind>:<value>`). */
export interface AttrRecord {
  workers: string[];
  reports: ReportRef[];
}

/** Workers whose name has one blocking key (key `n:<key>`), for identity lookback. */
export interface NameRecord {
  workers: string[];
}

/**
 * One transfer as applied to the graph: what it carried, so a retraction can undo it.
 * Kept small (one per transfer): wallets, amount and time come back with the retraction.
 */
export interface TransferRecord {
  readonly eventId: string;
  /** Payout slices it moved. */
  carried: Origin[];
  /** False when it is the on-chain leg of a payout already credited (matched by tx hash). */
  readonly credited: boolean;
  /** Set when it counted towards forwarding a payout to a collector. */
  forwarded?: { readonly payoutId: string; readonly collector: string };
  retracted?: boolean;
}

/** One payout (key `p:<payoutId>`). */
export interface PayoutRecord {
  readonly payoutId: string;
  readonly workerId: string;
  readonly walletKey: string;
  requestedEventId?: string;
  executedEventId?: string;
}

/** The engine's clock: the latest event time seen, which retention and lookback measure from. */
export interface ClockRecord {
  watermark: string;
}
