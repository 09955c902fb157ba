import type {
  Feeder,
  Origin,
  PayoutRecord,
  ReportRef,
  TransferRecord,
  WalletRecord,
  WorkerRecord,
} from '../state/records.ts';
import type { EarlierInflow, Trail } from './inbound.ts';

/** An attribute kind of a worker profile that the engine indexes. */
export type AttrKind = 'device' | 'ip' | 'address' | 'bank' | 'email' | 'phone' | 'messenger';

/** An attribute this worker shares with other workers. */
export interface SharedAttr {
  readonly kind: AttrKind;
  /** The value as the profile gave it. */
  readonly value: string;
  /** The other workers with it. */
  readonly workers: readonly string[];
}

/** A contact of this worker that an extortion report named. */
export interface ContactHit {
  readonly kind: AttrKind;
  readonly value: string;
  readonly report: ReportRef;
}

/** What a `worker.upserted` changed and revealed. */
export interface WorkerFacts {
  readonly kind: 'worker';
  readonly record: WorkerRecord;
  readonly shared: readonly SharedAttr[];
  readonly contactHits: readonly ContactHit[];
  /** The records of the profile's payout wallets (absent when read back for lookback). */
  readonly claimed?: readonly WalletRecord[];
  /**
   * Wallets that became this worker's with this profile (on it now, neither on the previous
   * one nor paid to before): their past is screened again for the worker.
   */
  readonly gained?: readonly WalletRecord[];
  /** Transfers into those wallets, from before, that carried money from listed wallets through others. */
  readonly earlier?: readonly EarlierInflow[];
  /** True when a newer profile was already applied: nothing to screen. */
  readonly stale: boolean;
}

/** A payout with the wallet and worker it touches. */
export interface PayoutFacts {
  readonly kind: 'payout';
  readonly payout: PayoutRecord;
  readonly wallet: WalletRecord;
  readonly worker: WorkerRecord | undefined;
  /** True when this payout made the wallet the worker's (first paid there, not on the profile). */
  readonly gained?: boolean;
  /** Transfers into the wallet, from before, that carried money from listed wallets through others. */
  readonly earlier?: readonly EarlierInflow[];
}

/** A worker's wallet forwarding most of a payout to a collector. */
export interface Feeding {
  readonly collector: WalletRecord;
  readonly feeder: Feeder;
}

/** A transfer as applied to the graph. */
export interface TransferFacts {
  readonly kind: 'transfer';
  readonly record: TransferRecord;
  readonly from: WalletRecord;
  readonly to: WalletRecord;
  /** The payout slices now at the receiving wallet that this transfer added to (cumulative). */
  readonly arrived: readonly Origin[];
  readonly feeding: Feeding | undefined;
  /** Money from listed wallets that reached a worker's wallet through others with this transfer. */
  readonly trails: readonly Trail[];
}

/** A retraction and the transfer it undid (undefined when that transfer was never seen). */
export interface RetractFacts {
  readonly kind: 'retract';
  readonly record: TransferRecord | undefined;
}

/** A worker whose contact an extortion report named. */
export interface ReportWorkerHit {
  readonly workerId: string;
  readonly kind: AttrKind;
  readonly value: string;
}

/** What an `extortion.reported` tagged and matched. */
export interface ReportFacts {
  readonly kind: 'report';
  readonly wallets: readonly WalletRecord[];
  readonly workers: readonly ReportWorkerHit[];
}

/** Facts the model derived from one event, read by the rules. */
export type Facts = WorkerFacts | PayoutFacts | TransferFacts | RetractFacts | ReportFacts;
