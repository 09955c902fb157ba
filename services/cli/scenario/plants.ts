import { DAY, HOUR } from './builder.ts';
import { LAZARUS_WALLET } from './lists.ts';
import type { Network } from './network.ts';
import { hold } from './population.ts';
import type { Behavior, Sim, SimWorker } from './types.ts';

/** A worker paid straight to a listed wallet; a listed wallet paying a worker. */
export function plantDirect(sim: Sim, payee: SimWorker, recipient: SimWorker): void {
  const listed = sim.listed.kimSangMan;
  payee.profile = { ...payee.profile, payoutWallets: [{ chain: 'ethereum', address: listed }] };
  payee.wallets = [{ fromRun: 0, wallet: listed }];
  payee.behavior = hold;
  const at = sim.payDay(0) + 6 * DAY;
  sim.b.transfer(sim.listed.simHyonSop, recipient.wallets[0]!.wallet, 1500, at);
  sim.planted.push(
    {
      rule: 'sanctioned-counterparty',
      wallet: listed,
      workerId: payee.id,
      description: `${payee.id} is paid straight to KIM SANG MAN's listed wallet`,
    },
    {
      rule: 'sanctioned-counterparty',
      wallet: sim.listed.simHyonSop,
      workerId: recipient.id,
      description: `SIM HYON SOP's listed wallet pays ${recipient.id} (the alert names the worker)`,
    },
  );
}

/**
 * The extortion report of the story, after the second pay run: it names the payout wallet
 * of one network member, the email of another (written differently) and the Telegram
 * handle of a third.
 */
export function plantExtortion(sim: Sim, n: Network): void {
  const at = sim.payDay(1) + 3 * DAY;
  const [, , n3, n4, n5] = n.workers;
  sim.b.report(
    {
      reportId: 'rep-2026-0117',
      addresses: [{ chain: 'ethereum', address: n.own[2]! }],
      contacts: {
        emails: ['AlexMorgan.Dev+jobs@googlemail.com'],
        phones: ['+1 (615) 555-0142'],
        messengers: ['Telegram: JHill_Dev'],
      },
      amountDemanded: '250000',
      asset: 'USDT',
      notes:
        'A client reports a contractor copied its repositories and demands USDT to keep them private.',
    },
    at,
  );
  sim.planted.push(
    {
      rule: 'extortion-wallet',
      wallet: n.own[2]!,
      workerId: n3!.id,
      description:
        'the report names the payout wallet of a network member (earlier payouts found by lookback)',
    },
    {
      rule: 'extortion-contact',
      workerId: n5!.id,
      description:
        'the report names "AlexMorgan.Dev+jobs@googlemail.com" = profile "alex.morgan.dev@gmail.com"',
    },
    {
      rule: 'extortion-contact',
      workerId: n4!.id,
      description: 'the report names Telegram "JHill_Dev" = profile "@jhill_dev"',
    },
  );
  sim.story.push(
    `After pay run 2 a client reports extortion: the report names ${n.own[2]} and contacts that belong to ${n5!.id} and ${n4!.id}.`,
  );
}

/** Sends a small share of one payout down a chain of strangers that ends at Lazarus five hops later. */
export function plantFiveHops(sim: Sim, w: SimWorker): void {
  const hops = [sim.rng.wallet(), sim.rng.wallet(), sim.rng.wallet(), sim.rng.wallet()];
  const base = w.behavior;
  w.behavior = (s, worker, p) => {
    base(s, worker, p);
    if (p.run !== 1) return;
    let amount = p.amount * 0.03;
    const path = [p.wallet, ...hops, LAZARUS_WALLET.toLowerCase()];
    for (let i = 0; i + 1 < path.length; i++) {
      s.b.transfer(path[i]!, path[i + 1]!, amount, p.at + (i + 1) * 6 * HOUR);
      amount *= 0.95;
    }
  };
  sim.decoys.push({
    rule: 'sanctioned-exposure',
    workerId: w.id,
    wallet: w.wallets[0]!.wallet,
    description: '3% of one payout reaches Lazarus five hops away',
  });
}

/** Several workers send 30% of each payout to one (unlabelled) OTC desk. */
export function plantOtcDesk(sim: Sim, workers: readonly SimWorker[]): void {
  const desk = sim.rng.wallet();
  const behavior: Behavior = (s, _w, p) =>
    s.b.transfer(p.wallet, desk, p.amount * 0.3, p.at + s.rng.int(1, 6) * HOUR);
  for (const w of workers) w.behavior = behavior;
  sim.decoys.push({
    rule: 'consolidation',
    wallet: desk,
    workers: workers.map((w) => w.id),
    description: 'workers forward 30% of each payout to one OTC desk',
  });
}

/** Workers paid to exchange deposit addresses that sweep everything to the labelled hot wallet. */
export function plantDepositSweeps(sim: Sim, workers: readonly SimWorker[]): void {
  const behavior: Behavior = (s, _w, p) =>
    s.b.transfer(p.wallet, s.listed.exchange, p.amount, p.at + s.rng.int(1, 3) * HOUR);
  for (const w of workers) w.behavior = behavior;
  sim.decoys.push({
    rule: 'consolidation',
    wallet: sim.listed.exchange,
    workers: workers.map((w) => w.id),
    description:
      'deposit addresses sweep 100% to the exchange hot wallet (a list labels it an exchange)',
  });
}

/** A reorg: one ordinary transfer is observed and then retracted. */
export function plantReorg(sim: Sim, w: SimWorker): void {
  const at = sim.payDay(0) + 5 * HOUR;
  const data = sim.b.transfer(w.wallets[0]!.wallet, sim.rng.wallet(), 100, at);
  sim.b.retract(data, at + 2 * 60_000);
}
