import type { Envelope, WorkerProfile } from '../../../shared/contract/index.ts';
import type { RuleId, Severity } from '../../../shared/engine/alert.ts';
import type { ListSnapshot } from '../../../shared/lists/types.ts';
import type { ScenarioBuilder } from './builder.ts';
import type { ListedWallets } from './lists.ts';
import type { Prng } from './prng.ts';

/** Options of the scenario generator. */
export interface ScenarioOptions {
  /** PRNG seed: the same seed gives the same scenario. */
  readonly seed?: number;
  /** Workers on the platform (at least 90: the planted cases need about 75). */
  readonly workers?: number;
  /** Biweekly pay runs (at least 4). */
  readonly payRuns?: number;
  /** Background transfers between unrelated wallets per pay period (default 2 per worker). */
  readonly noisePerRun?: number;
  /** Start of the scenario (ISO time); the first pay run is four days later. */
  readonly start?: string;
}

/** A case the generator planted (or a clean look-alike that must not alert under `rule`). */
export interface PlantedCase {
  readonly rule: RuleId;
  readonly workerId?: string;
  /** Workers of a group finding (a laptop farm). */
  readonly workers?: readonly string[];
  /** The wallet the finding is about (display form as generated, lowercase 0x). */
  readonly wallet?: string;
  readonly employerId?: string;
  /** The severity a reviewer should see, where the case says (most of a payout within hours: critical). */
  readonly severity?: Severity;
  readonly description: string;
}

/** What the generator returns. */
export interface Scenario {
  /** Every event, oldest first. */
  readonly events: Envelope[];
  /** The scenario's sanctions list and label list. */
  readonly lists: ListSnapshot[];
  /** Cases each rule must find. */
  readonly planted: PlantedCase[];
  /** Clean look-alikes: none may alert under its rule. */
  readonly decoys: PlantedCase[];
  /** The story, one line per step, for the demo. */
  readonly story: string[];
  readonly options: Required<ScenarioOptions>;
}

/** One payout as the simulation made it. */
export interface PaidOut {
  readonly run: number;
  readonly at: number;
  readonly amount: number;
  readonly wallet: string;
}

/** What a worker's wallet does after a payout. */
export type Behavior = (sim: Sim, worker: SimWorker, paid: PaidOut) => void;

/** A worker of the simulation. */
export interface SimWorker {
  readonly id: string;
  profile: WorkerProfile;
  /** Payout wallet by pay run: the wallet of the latest switch at or before the run. */
  wallets: { readonly fromRun: number; readonly wallet: string }[];
  readonly amount: number;
  behavior: Behavior;
  onboardAt: number;
}

/** Shared state of the simulation while it plants and runs. */
export interface Sim {
  readonly rng: Prng;
  readonly b: ScenarioBuilder;
  readonly o: Required<ScenarioOptions>;
  readonly t0: number;
  readonly listed: ListedWallets;
  readonly merchants: readonly string[];
  readonly noise: readonly string[];
  readonly planted: PlantedCase[];
  readonly decoys: PlantedCase[];
  readonly story: string[];
  /** Called after each pay run's payouts and forwards (the collector's sweep). */
  readonly afterRun: ((run: number) => void)[];
  /** Time (ms) of pay run `run`'s payouts. */
  payDay(run: number): number;
}
