import { DAY, HOUR } from './builder.ts';
import { LAZARUS_WALLET } from './lists.ts';
import type { Sim, SimWorker } from './types.ts';

// The variants compliance teams meet that a plain match misses (issue 12), each planted
// next to a clean look-alike that must stay quiet.

const LAZARUS = LAZARUS_WALLET.toLowerCase();

/** A wallet that shares all but its last six hex digits with `wallet`: another wallet. */
function lookalike(sim: Sim, wallet: string): string {
  let tail = sim.rng.hex(3);
  while (wallet.endsWith(tail)) tail = sim.rng.hex(3);
  return `${wallet.slice(0, 36)}${tail}`;
}

/** A new version of a profile, from time `at`, that also lists `wallet` (payroll still pays the old one). */
export function addProfileWallet(sim: Sim, w: SimWorker, wallet: string, at: number): void {
  const payoutWallets = [
    ...(w.profile.payoutWallets ?? []),
    { chain: 'ethereum', address: wallet },
  ];
  sim.b.worker({ ...w.profile, payoutWallets }, at);
}

/**
 * A second extortion report, written as victims write them: a Telegram handle as
 * `telegram:@…` that one worker's profile gives as a t.me link; a wallet one worker lists
 * on file (never paid to) and one that another worker adds after the report. Look-alikes:
 * a t.me link of another handle, a profile wallet sharing all but a few digits with a
 * reported one.
 */
export function plantReportVariants(sim: Sim, workers: readonly SimWorker[]): void {
  const [linked, otherHandle, onFile, addsLater, nearWallet] = workers as [
    SimWorker,
    SimWorker,
    SimWorker,
    SimWorker,
    SimWorker,
  ];
  const handle = `dev_${sim.rng.hex(4)}`;
  linked.profile = { ...linked.profile, messengers: [`https://t.me/${handle}`] };
  otherHandle.profile = { ...otherHandle.profile, messengers: [`https://t.me/${handle}_x`] };
  const kept = sim.rng.wallet();
  const later = sim.rng.wallet();
  onFile.profile = {
    ...onFile.profile,
    payoutWallets: [...(onFile.profile.payoutWallets ?? []), { chain: 'ethereum', address: kept }],
  };
  const near = lookalike(sim, later);
  nearWallet.profile = {
    ...nearWallet.profile,
    payoutWallets: [{ chain: 'ethereum', address: near }],
  };
  nearWallet.wallets = [{ fromRun: 0, wallet: near }];
  const at = sim.payDay(2) + 2 * DAY;
  sim.b.report(
    {
      reportId: 'rep-2026-0302',
      addresses: [
        { chain: 'ethereum', address: kept },
        { chain: 'ethereum', address: later },
      ],
      contacts: { messengers: [`telegram:@${handle}`] },
      notes: 'A second client reports a ransom demand for leaked source code.',
    },
    at,
  );
  addProfileWallet(sim, addsLater, later, at + 2 * DAY);
  sim.planted.push(
    {
      rule: 'extortion-contact',
      workerId: linked.id,
      description: `profile "https://t.me/${handle}" = report "telegram:@${handle}"`,
    },
    {
      rule: 'extortion-wallet',
      workerId: onFile.id,
      wallet: kept,
      description: 'a reported wallet is on the profile (never paid to)',
    },
    {
      rule: 'extortion-wallet',
      workerId: addsLater.id,
      wallet: later,
      description: 'a profile adds a reported wallet after the report',
    },
  );
  sim.decoys.push(
    {
      rule: 'extortion-contact',
      workerId: otherHandle.id,
      description: `profile "https://t.me/${handle}_x" is another handle`,
    },
    {
      rule: 'extortion-wallet',
      workerId: nearWallet.id,
      wallet: near,
      description: 'a profile wallet shares all but the last digits with a reported one',
    },
  );
  sim.story.push(
    `After pay run 3 a second report names ${handle} on Telegram and two wallets: ${linked.id} gives that handle as a t.me link, ${onFile.id} lists one wallet on file, ${addsLater.id} adds the other two days later.`,
  );
}

/**
 * Lazarus pays a worker's payout wallet directly (the worker's case). Look-alikes: a worker
 * paid from the exchange hot wallet that received Lazarus money three hops upstream, and a
 * worker whose wallet shares all but the last digits with a stranger Lazarus pays.
 */
export function plantInbound(sim: Sim, workers: readonly SimWorker[]): void {
  const [paid, viaExchange, prefix] = workers as [SimWorker, SimWorker, SimWorker];
  const at = sim.payDay(2) + 3 * DAY;
  sim.b.transfer(LAZARUS, paid.wallets[0]!.wallet, 4000, at);
  const [s1, s2, stranger] = [sim.rng.wallet(), sim.rng.wallet(), sim.rng.wallet()];
  sim.b.transfer(LAZARUS, s1, 9000, at - 5 * DAY);
  sim.b.transfer(s1, s2, 8500, at - 4 * DAY);
  sim.b.transfer(s2, sim.listed.exchange, 8000, at - 3 * DAY);
  sim.b.transfer(sim.listed.exchange, viaExchange.wallets[0]!.wallet, 800, at - 2 * DAY);
  const near = lookalike(sim, stranger);
  prefix.profile = { ...prefix.profile, payoutWallets: [{ chain: 'ethereum', address: near }] };
  prefix.wallets = [{ fromRun: 0, wallet: near }];
  sim.b.transfer(LAZARUS, stranger, 2500, at + DAY);
  sim.planted.push({
    rule: 'sanctioned-counterparty',
    wallet: LAZARUS,
    workerId: paid.id,
    description: `Lazarus sends 4,000 USDC to ${paid.id}'s payout wallet`,
  });
  sim.decoys.push(
    {
      rule: 'sanctioned-counterparty',
      workerId: viaExchange.id,
      description:
        'paid from the exchange hot wallet that received Lazarus money three hops upstream',
    },
    {
      rule: 'sanctioned-counterparty',
      workerId: prefix.id,
      description: 'wallet shares all but the last digits with a stranger Lazarus pays',
    },
  );
}

/**
 * A worker keeps two payouts, then 91% of the next reaches Lazarus through one wallet
 * within two hours: critical, measured on that payout (not the ~30% of all pay it is).
 */
export function plantFastExposure(sim: Sim, w: SimWorker): void {
  const middle = sim.rng.wallet();
  w.behavior = (s, _worker, p) => {
    if (p.run !== 2) return;
    s.b.transfer(p.wallet, middle, p.amount * 0.91, p.at + HOUR);
    s.b.transfer(middle, LAZARUS, p.amount * 0.91, p.at + 2 * HOUR);
  };
  sim.planted.push({
    rule: 'sanctioned-exposure',
    workerId: w.id,
    wallet: w.wallets[0]!.wallet,
    severity: 'critical',
    description: '91% of the third payout reaches Lazarus in two hops within two hours',
  });
}
