import type { TagIndex } from '../../lists/tag-index.ts';
import type { EngineState } from '../state/engine-state.ts';
import type { EventArchive } from './archive.ts';
import type { InboundOptions } from './inbound.ts';

/** Knobs of the model, taken from the rules' configuration by the engine. */
export interface ModelOptions {
  /** How long past events stay available to lookback. */
  readonly retentionMs: number;
  /** Events kept per wallet for lookback (a hub keeps its most recent). */
  readonly maxActivity: number;
  /** Hops after which taint is no longer followed. */
  readonly maxHops: number;
  /** Share of a payout below which a slice is dropped (keeps origin lists short). */
  readonly minTrackShare: number;
  /** Payout slices one wallet tracks; the smallest go first. */
  readonly maxOrigins: number;
  /** How long after a payout its forwarding counts. */
  readonly forwardWindowMs: number;
  /** Share of a payout that makes a forward "most of it". */
  readonly forwardMinShare: number;
  /** Distinct workers that make a receiving wallet a collector. */
  readonly minFeeders: number;
  /** List categories whose wallets are never collectors (exchange hot wallets). */
  readonly notCollectors: readonly string[];
  /** How money from listed wallets is traced back from workers' wallets; absent: it is not. */
  readonly inbound?: InboundOptions | undefined;
}

/** The engine's clock: event time, so replays retain and expire exactly the same. */
export interface Clock {
  watermark: string;
  /** Events older than this are past retention. */
  cutoff: string;
}

/** What the model works with while it applies one event. */
export interface ModelContext {
  readonly state: EngineState;
  readonly tags: TagIndex;
  readonly options: ModelOptions;
  readonly clock: Clock;
  /** Where retained events can be read again; without one they are kept in the state. */
  readonly archive?: EventArchive | undefined;
}
