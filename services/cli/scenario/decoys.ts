import { DAY, HOUR } from './builder.ts';
import { KOREAN_DECOYS } from './names.ts';
import { homeDevice } from './population.ts';
import type { Sim, SimWorker } from './types.ts';

/** Common Korean names that are not listed, and a homonym of a listed person born another day. */
export function plantKoreanNames(sim: Sim, workers: readonly SimWorker[]): void {
  const names = [...KOREAN_DECOYS, 'Jung In-chul'];
  workers.slice(0, names.length).forEach((w, i) => {
    const name = names[i]!;
    const homonym = name === 'Jung In-chul';
    w.profile = {
      ...w.profile,
      legalName: name,
      nationality: 'KR',
      residenceCountry: 'KR',
      dateOfBirth: homonym ? '1990-06-11' : w.profile.dateOfBirth,
      devices: [homeDevice(sim, 'KR')],
    };
    const why = homonym
      ? 'spells the listed JONG IN CHOL but was born in 1990 and is South Korean'
      : 'a common Korean name that is not listed';
    sim.decoys.push({ rule: 'identity-match', workerId: w.id, description: `"${name}": ${why}` });
  });
}

/** Two workers who once logged in from the same coworking space. */
export function plantCoworking(sim: Sim, a: SimWorker, b: SimWorker): void {
  const ip = `203.0.113.${sim.rng.int(2, 250)}`;
  for (const w of [a, b]) {
    const country = w.profile.residenceCountry ?? 'US';
    w.profile = {
      ...w.profile,
      devices: [...(w.profile.devices ?? []), { ...homeDevice(sim, country), ip }],
    };
  }
  sim.decoys.push({
    rule: 'shared-device',
    workers: [a.id, b.id],
    description: 'two workers share a coworking IP once',
  });
}

/** Two flatmates: same address and home IP, their own laptops and bank accounts. */
export function plantFlatmates(sim: Sim, a: SimWorker, b: SimWorker): void {
  const ip = `10.77.${sim.rng.int(0, 255)}.${sim.rng.int(1, 254)}`;
  const country = a.profile.residenceCountry ?? 'US';
  for (const w of [a, b]) {
    w.profile = {
      ...w.profile,
      residenceCountry: country,
      residentialAddress: a.profile.residentialAddress ?? '1 Main Street, Austin',
      devices: [{ ...homeDevice(sim, country), ip }],
    };
  }
  sim.decoys.push({
    rule: 'shared-device',
    workers: [a.id, b.id],
    description: 'two flatmates share an address and a home IP',
  });
}

/** A worker who logged in once from abroad; one who works through a VPN and TeamViewer at home. */
export function plantTravellers(sim: Sim, traveller: SimWorker, vpnUser: SimWorker): void {
  const home = traveller.profile.residenceCountry ?? 'US';
  const away = home === 'ES' ? 'PT' : 'ES';
  traveller.profile = {
    ...traveller.profile,
    devices: [homeDevice(sim, home), homeDevice(sim, home), homeDevice(sim, away)],
  };
  const vpnHome = vpnUser.profile.residenceCountry ?? 'US';
  vpnUser.profile = {
    ...vpnUser.profile,
    devices: [{ ...homeDevice(sim, vpnHome), vpn: true, remoteAccessTool: 'TeamViewer' }],
  };
  sim.decoys.push(
    {
      rule: 'geo-mismatch',
      workerId: traveller.id,
      description: `one of three devices logged in from ${away} (a trip)`,
    },
    {
      rule: 'geo-mismatch',
      workerId: vpnUser.id,
      description: 'VPN and TeamViewer at home, no foreign logins',
    },
  );
}

/** A worker who switches payouts to an established wallet (months of history) before the last pay run. */
export function plantOrdinarySwitch(sim: Sim, w: SimWorker): void {
  const wallet = sim.rng.wallet();
  const run = sim.o.payRuns - 1;
  sim.b.transfer(sim.rng.pick(sim.merchants), wallet, 250, sim.t0 + 2 * HOUR);
  sim.b.transfer(wallet, sim.rng.pick(sim.merchants), 120, sim.t0 + 9 * DAY);
  w.wallets.push({ fromRun: run, wallet });
  const at = sim.payDay(run) - DAY - 5 * HOUR;
  sim.b.worker({ ...w.profile, payoutWallets: [{ chain: 'ethereum', address: wallet }] }, at);
  sim.decoys.push({
    rule: 'payout-wallet-change',
    workerId: w.id,
    wallet,
    description: 'switched to a wallet with months of history',
  });
}

/** A worker whose email looks like the one in the extortion report but is not it. */
export function plantEmailLookalike(sim: Sim, w: SimWorker): void {
  w.profile = { ...w.profile, emails: ['alex.morgan@gmail.com'] };
  sim.decoys.push({
    rule: 'extortion-contact',
    workerId: w.id,
    description: '"alex.morgan@gmail.com" is not the reported "alexmorgan.dev"',
  });
}
