import { DAY, HOUR } from './builder.ts';
import { LAZARUS_WALLET } from './lists.ts';
import type { Prng } from './prng.ts';
import type { Sim, SimWorker } from './types.ts';
import { addProfileWallet } from './variants.ts';

// Money from a listed wallet that reaches a worker in the ways a plain match misses
// (issue 12): it arrived before the wallet was the worker's, or it passed other wallets
// first. Each sits next to a look-alike that must stay quiet. The plants draw their
// wallets from a generator of their own (`rng`).

const LAZARUS = LAZARUS_WALLET.toLowerCase();

/**
 * Lazarus pays a fresh wallet; three days later a worker adds that wallet to their profile
 * (the counterparty alert must then name the worker). Look-alike: another wallet Lazarus
 * pays the same day, which no worker ever lists (a worker adding a wallet of their own
 * that day).
 */
export function plantEarlierInflow(sim: Sim, rng: Prng, workers: readonly SimWorker[]): void {
  const [adds, other] = workers as [SimWorker, SimWorker];
  const [wallet, stray, own] = [rng.wallet(), rng.wallet(), rng.wallet()];
  const at = sim.payDay(3) + DAY + 5 * HOUR;
  sim.b.transfer(LAZARUS, wallet, 3200, at);
  sim.b.transfer(LAZARUS, stray, 2900, at + 2 * HOUR);
  addProfileWallet(sim, adds, wallet, at + 3 * DAY);
  addProfileWallet(sim, other, own, at + 3 * DAY);
  sim.planted.push({
    rule: 'sanctioned-counterparty',
    wallet: LAZARUS,
    workerId: adds.id,
    description: `Lazarus pays ${wallet}, which ${adds.id} adds to the profile three days later`,
  });
  sim.decoys.push({
    rule: 'sanctioned-counterparty',
    workerId: other.id,
    description: `Lazarus pays ${stray}, which no worker lists (${other.id} adds a wallet of their own that day)`,
  });
  sim.story.push(
    `After pay run 4 Lazarus sends 3,200 USDC to a fresh wallet; three days later ${adds.id} adds it to the profile.`,
  );
}
