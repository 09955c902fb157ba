import { DAY, HOUR, ScenarioBuilder } from './builder.ts';
import {
  plantCoworking,
  plantEmailLookalike,
  plantFlatmates,
  plantKoreanNames,
  plantOrdinarySwitch,
  plantTravellers,
} from './decoys.ts';
import { plantEarlierInflow, plantLayeredInflow } from './inbound.ts';
import { scenarioLists } from './lists.ts';
import { plantNetwork } from './network.ts';
import {
  plantDepositSweeps,
  plantDirect,
  plantExtortion,
  plantFiveHops,
  plantOtcDesk,
  plantReorg,
} from './plants.ts';
import { cleanWorker, walletFor } from './population.ts';
import { Prng } from './prng.ts';
import {
  plantContactSpellings,
  plantFarmSpellings,
  plantSplitSweep,
  plantWalletSpellings,
} from './spellings.ts';
import type { Scenario, ScenarioOptions, Sim, SimWorker } from './types.ts';
import { plantFastExposure, plantInbound, plantReportVariants } from './variants.ts';

/** The platform's hot wallet that payouts leave from. */
const PLATFORM_WALLET = '0x5a1e5a1e5a1e5a1e5a1e5a1e5a1e5a1e5a1e5a1e';

function resolve(o: ScenarioOptions): Required<ScenarioOptions> {
  const workers = Math.max(90, Math.floor(o.workers ?? 300));
  return {
    seed: o.seed ?? 20260105,
    workers,
    payRuns: Math.max(4, Math.floor(o.payRuns ?? 6)),
    noisePerRun: Math.max(0, Math.floor(o.noisePerRun ?? workers * 2)),
    start: o.start ?? '2026-01-05T00:00:00Z',
  };
}

/** Takes workers for the planted roles from a shuffled population, each at most once. */
function roles(rng: Prng, workers: readonly SimWorker[]): (n: number) => SimWorker[] {
  const order = workers.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  let next = 0;
  return (n) => {
    const taken = order.slice(next, next + n);
    next += n;
    return taken.map((i) => workers[i]!);
  };
}

function plantAll(sim: Sim, workers: readonly SimWorker[]): void {
  const take = roles(sim.rng, workers);
  const network = plantNetwork(sim, take(6));
  const [payee, recipient] = take(2);
  plantDirect(sim, payee!, recipient!);
  plantKoreanNames(sim, take(11));
  plantCoworking(sim, ...(take(2) as [SimWorker, SimWorker]));
  plantFlatmates(sim, ...(take(2) as [SimWorker, SimWorker]));
  plantTravellers(sim, ...(take(2) as [SimWorker, SimWorker]));
  plantFiveHops(sim, take(1)[0]!);
  plantOtcDesk(sim, take(4));
  plantDepositSweeps(sim, take(5));
  plantEmailLookalike(sim, take(1)[0]!);
  plantReorg(sim, take(1)[0]!);
  plantExtortion(sim, network);
  plantOrdinarySwitch(sim, take(1)[0]!);
  plantReportVariants(sim, take(5));
  plantInbound(sim, take(3));
  plantFastExposure(sim, take(1)[0]!);
  const own = new Prng(sim.o.seed + 1);
  plantContactSpellings(sim, own, take(6));
  plantFarmSpellings(sim, own, take(10));
  plantSplitSweep(sim, own, take(1)[0]!);
  plantWalletSpellings(sim, own, take(3));
  const inbound = new Prng(sim.o.seed + 2);
  plantEarlierInflow(sim, inbound, take(2));
  plantLayeredInflow(sim, inbound, take(3));
}

/** Profiles at onboarding; one in ten workers updates a phone number later. */
function onboard(sim: Sim, workers: readonly SimWorker[]): void {
  for (const w of workers) {
    sim.b.worker(w.profile, w.onboardAt);
    if (!sim.rng.chance(0.1)) continue;
    const run = sim.rng.int(1, sim.o.payRuns - 1);
    const at = sim.payDay(run) - sim.rng.int(3, 6) * DAY;
    // The wallet on file then: a switch planned for a later run has not happened yet. Wallets
    // the profile lists but payroll never pays to stay listed.
    const paidTo = new Set(w.wallets.map((x) => x.wallet));
    const payoutWallets = [
      { chain: 'ethereum', address: walletFor(w, run - 1) },
      ...(w.profile.payoutWallets ?? []).filter((x) => !paidTo.has(x.address)),
    ];
    sim.b.worker(
      {
        ...w.profile,
        payoutWallets,
        phones: [`+1 555 ${sim.rng.int(100, 999)} ${sim.rng.int(1000, 9999)}`],
      },
      at,
    );
  }
}

function payroll(sim: Sim, workers: readonly SimWorker[]): void {
  for (let run = 0; run < sim.o.payRuns; run++) {
    for (const w of workers) {
      const at = sim.payDay(run) + sim.rng.int(0, 120) * 60_000;
      const amount = Math.round(w.amount * sim.rng.between(0.9, 1.1) * 100) / 100;
      const wallet = walletFor(w, run);
      const data = {
        payoutId: `po-${run + 1}-${w.id}`,
        workerId: w.id,
        amount: amount.toFixed(2),
        toAddress: wallet,
        fromAddress: PLATFORM_WALLET,
      };
      sim.b.payout(
        { ...data, ...(w.profile.employer ? { employerId: w.profile.employer.id } : {}) },
        at,
      );
      w.behavior(sim, w, { run, at, amount, wallet });
    }
    for (const hook of sim.afterRun) hook(run);
  }
}

/** Background traffic among strangers, merchants and the exchange: most of what a chain watcher sees. */
function noise(sim: Sim): void {
  const { rng } = sim;
  const senders = [...sim.noise, ...sim.merchants, sim.listed.exchange];
  const receivers = [...sim.noise, sim.listed.exchange];
  for (let run = 0; run < sim.o.payRuns; run++) {
    const from = sim.payDay(run) - 7 * DAY;
    for (let i = 0; i < sim.o.noisePerRun; i++) {
      const eth = rng.chance(0.1);
      const amount = eth ? rng.between(0.01, 3) : rng.between(10, 3000);
      const a = rng.pick(senders);
      let b = rng.pick(receivers);
      if (b === a) b = sim.noise[0]!;
      sim.b.transfer(a, b, amount, from + rng.int(0, 14 * 24 * 60) * 60_000, eth);
    }
  }
}

/**
 * A deterministic payroll scenario: clean traffic with every typology of the brief
 * planted in it, and clean look-alikes that must not alert. The same seed and options
 * give the same events, lists and planted cases.
 */
export function generateScenario(options: ScenarioOptions = {}): Scenario {
  const o = resolve(options);
  const rng = new Prng(o.seed);
  const t0 = Date.parse(o.start);
  const listed = { kimSangMan: rng.wallet(), simHyonSop: rng.wallet(), exchange: rng.wallet() };
  const sim: Sim = {
    rng,
    b: new ScenarioBuilder(rng, t0),
    o,
    t0,
    listed,
    merchants: Array.from({ length: 40 }, () => rng.wallet()),
    noise: Array.from({ length: Math.max(50, o.workers) }, () => rng.wallet()),
    planted: [],
    decoys: [],
    story: [],
    afterRun: [],
    payDay: (run) => t0 + (4 + 14 * run) * DAY + 9 * HOUR,
  };
  const workers = Array.from({ length: o.workers }, (_, i) => cleanWorker(sim, i));
  plantAll(sim, workers);
  onboard(sim, workers);
  payroll(sim, workers);
  noise(sim);
  return {
    events: sim.b.sorted(),
    lists: scenarioLists(listed),
    planted: sim.planted,
    decoys: sim.decoys,
    story: sim.story,
    options: o,
  };
}
