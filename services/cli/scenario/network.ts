import type { WorkerProfile } from '../../../shared/contract/index.ts';
import { DAY, HOUR } from './builder.ts';
import { LAZARUS_WALLET } from './lists.ts';
import { recordNetwork } from './network-story.ts';
import type { Behavior, Sim, SimWorker } from './types.ts';

/** The laptop farm's home address, written a little differently in each profile. */
const FARM_ADDRESSES = [
  '1420 Oakridge Dr, Nashville, TN 37201',
  '1420 Oakridge Drive, Nashville TN 37201',
  '1420 OAKRIDGE DR NASHVILLE TN 37201',
];

/** The wallets of the network, for the other plants and the tests. */
export interface Network {
  readonly workers: readonly SimWorker[];
  readonly collector: string;
  readonly shared: string;
  readonly fresh: string;
  readonly own: readonly string[];
}

interface Persona {
  readonly legalName: string;
  readonly aliases?: string[];
  readonly dateOfBirth?: string;
  readonly nationality: string;
  readonly employer?: { id: string; name: string };
  readonly emails: string[];
  readonly messengers?: string[];
  readonly farm: 'A' | 'B';
  readonly abroad?: string;
  readonly bank?: string;
}

const PERSONAS: readonly Persona[] = [
  {
    legalName: 'Chong In-chol',
    aliases: ['In Chol Jong'],
    dateOfBirth: '1978-04-22',
    nationality: 'CN',
    emails: ['ic.chong.dev@proton.me'],
    farm: 'A',
    abroad: 'CN',
  },
  {
    legalName: 'Daniel Son',
    aliases: ['Son Kyong-sik'],
    dateOfBirth: '1981-09-03',
    nationality: 'US',
    emails: ['dan.son.codes@gmail.com'],
    farm: 'A',
    bank: 'shared',
  },
  {
    legalName: 'Ryan Cooper',
    nationality: 'US',
    emails: ['rcooper.fullstack@outlook.com'],
    farm: 'A',
    abroad: 'CN',
    bank: 'shared',
    employer: { id: 'emp-liaoning-trade', name: 'Liaoning China Trade & Industry Co., Ltd' },
  },
  {
    legalName: 'Jason Hill',
    nationality: 'US',
    emails: ['jason.hill.eng@gmail.com'],
    messengers: ['@jhill_dev'],
    farm: 'B',
  },
  {
    legalName: 'Alex Morgan',
    nationality: 'CA',
    emails: ['alex.morgan.dev@gmail.com'],
    farm: 'B',
    abroad: 'RU',
  },
  { legalName: 'Eric Walker', nationality: 'US', emails: ['ewalker.react@gmail.com'], farm: 'B' },
];

/** Forwards about 90% of each payout to the collector within hours; counts what arrived. */
function forwardMost(collector: string, inbound: { sum: number }): Behavior {
  return (sim, _w, p) => {
    const amount = p.amount * sim.rng.between(0.88, 0.92);
    inbound.sum += amount;
    sim.b.transfer(p.wallet, collector, amount, p.at + sim.rng.int(1, 5) * HOUR);
  };
}

function profile(
  sim: Sim,
  w: SimWorker,
  p: Persona,
  i: number,
  farm: { fp: Record<'A' | 'B', string>; ip: string; bank: string },
): WorkerProfile {
  const devices: NonNullable<WorkerProfile['devices']> = [
    { fingerprint: farm.fp[p.farm], ip: farm.ip, ipCountry: 'US', remoteAccessTool: 'AnyDesk' },
  ];
  if (p.abroad)
    devices.push({
      fingerprint: `fp-${sim.rng.hex(8)}`,
      ip: `175.45.${sim.rng.int(176, 179)}.${sim.rng.int(1, 254)}`,
      ipCountry: p.abroad,
      vpn: true,
    });
  const base = w.profile;
  return {
    workerId: w.id,
    legalName: p.legalName,
    ...(p.aliases ? { aliases: p.aliases } : {}),
    ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}),
    nationality: p.nationality,
    residenceCountry: 'US',
    emails: p.emails,
    phones: base.phones ?? [],
    ...(p.messengers ? { messengers: p.messengers } : {}),
    employer: p.employer ?? base.employer!,
    devices,
    residentialAddress: FARM_ADDRESSES[i % FARM_ADDRESSES.length]!,
    bankAccountHashes: [p.bank === 'shared' ? farm.bank : `bank-${sim.rng.hex(12)}`],
    payoutWallets: base.payoutWallets ?? [],
  };
}

/**
 * Plants the network of the brief: six contractors who are one operation. They log in
 * through two laptop-farm machines at one US address, two of them carry names of listed
 * persons, one works for a listed front company, three are paid to one wallet, and every
 * payout is ~90% forwarded within hours to a collector that pays Lazarus Group's wallet.
 */
export function plantNetwork(sim: Sim, workers: readonly SimWorker[]): Network {
  const { rng } = sim;
  const farm = {
    fp: { A: `fp-farm-${rng.hex(6)}`, B: `fp-farm-${rng.hex(6)}` },
    ip: `198.51.100.${rng.int(2, 250)}`,
    bank: `bank-${rng.hex(12)}`,
  };
  const net = {
    collector: rng.wallet(),
    shared: rng.wallet(),
    fresh: rng.wallet(),
    own: workers.slice(0, 3).map(() => rng.wallet()),
  };
  const inbound = { sum: 0 };
  workers.forEach((w, i) => {
    const wallet = i < 3 ? net.own[i]! : net.shared;
    w.profile = profile(
      sim,
      { ...w, profile: { ...w.profile, payoutWallets: [{ chain: 'ethereum', address: wallet }] } },
      PERSONAS[i]!,
      i,
      farm,
    );
    w.wallets = [{ fromRun: 0, wallet }];
    w.behavior = forwardMost(net.collector, inbound);
  });
  switchToFresh(sim, workers[5]!, net.fresh);
  // Two days after each pay run the collector sends ~95% of what came in to Lazarus.
  sim.afterRun.push((run) => {
    sim.b.transfer(
      net.collector,
      LAZARUS_WALLET.toLowerCase(),
      inbound.sum * 0.95,
      sim.payDay(run) + 2 * DAY,
    );
    inbound.sum = 0;
  });
  const network = { workers, ...net };
  recordNetwork(sim, network);
  return network;
}

/** The last member moves its pay to a brand-new wallet the day before a pay run. */
function switchToFresh(sim: Sim, w: SimWorker, fresh: string): void {
  const run = Math.min(3, sim.o.payRuns - 1);
  w.wallets.push({ fromRun: run, wallet: fresh });
  const at = sim.payDay(run) - DAY - 3 * HOUR;
  sim.b.worker({ ...w.profile, payoutWallets: [{ chain: 'ethereum', address: fresh }] }, at);
}
