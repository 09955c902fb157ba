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

/**
 * Lazarus money reaches workers through other wallets within hours or a day: through one
 * wallet (nearly all of what the worker receives, critical) and through two. Look-alike: a
 * worker paid from the exchange hot wallet that a wallet Lazarus paid had just deposited
 * into (the exchange pools everyone's money: the trail stops there).
 */
export function plantLayeredInflow(sim: Sim, rng: Prng, workers: readonly SimWorker[]): void {
  const [once, twice, viaExchange] = workers as [SimWorker, SimWorker, SimWorker];
  const [x, y1, y2, z] = [rng.wallet(), rng.wallet(), rng.wallet(), rng.wallet()];
  const at = sim.payDay(1) + 6 * DAY;
  sim.b.transfer(LAZARUS, x, 5000, at);
  sim.b.transfer(x, once.wallets[0]!.wallet, 4800, at + 3 * HOUR);
  sim.b.transfer(LAZARUS, y1, 6000, at + HOUR);
  sim.b.transfer(y1, y2, 5800, at + 7 * HOUR);
  sim.b.transfer(y2, twice.wallets[0]!.wallet, 5500, at + 27 * HOUR);
  sim.b.transfer(LAZARUS, z, 7000, at + 2 * HOUR);
  sim.b.transfer(z, sim.listed.exchange, 7000, at + 4 * HOUR);
  sim.b.transfer(sim.listed.exchange, viaExchange.wallets[0]!.wallet, 900, at + 9 * HOUR);
  sim.planted.push(
    {
      rule: 'sanctioned-exposure',
      workerId: once.id,
      wallet: once.wallets[0]!.wallet,
      severity: 'critical',
      description: `Lazarus money reaches ${once.id}'s payout wallet through one wallet within three hours`,
    },
    {
      rule: 'sanctioned-exposure',
      workerId: twice.id,
      wallet: twice.wallets[0]!.wallet,
      description: `Lazarus money reaches ${twice.id}'s payout wallet through two wallets within a day`,
    },
  );
  sim.decoys.push({
    rule: 'sanctioned-exposure',
    workerId: viaExchange.id,
    wallet: viaExchange.wallets[0]!.wallet,
    description:
      'paid from the exchange hot wallet hours after a wallet Lazarus paid deposited there',
  });
  sim.story.push(
    `After pay run 2 Lazarus money reaches ${once.id} through one wallet and ${twice.id} through two; ${viaExchange.id} is paid by the exchange it passed through.`,
  );
}
