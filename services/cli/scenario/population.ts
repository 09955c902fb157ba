import type { WorkerProfile } from '../../../shared/contract/index.ts';
import { DAY, HOUR } from './builder.ts';
import { CITIES, COUNTRIES, EMPLOYERS, FIRST_NAMES, LAST_NAMES, STREETS } from './names.ts';
import type { Behavior, PaidOut, Sim, SimWorker } from './types.ts';

/** Employer id of a client company name. */
export function employerId(name: string): string {
  return `emp-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/-$/, '')}`;
}

/** A device at home: own fingerprint, own IP, in the country of residence. */
export function homeDevice(
  sim: Sim,
  country: string,
): NonNullable<WorkerProfile['devices']>[number] {
  return {
    fingerprint: `fp-${sim.rng.hex(8)}`,
    ip: `10.${sim.rng.int(0, 255)}.${sim.rng.int(0, 255)}.${sim.rng.int(1, 254)}`,
    ipCountry: country,
  };
}

/** An ordinary profile: one wallet, one or two home devices, own address and bank account. */
export function cleanProfile(sim: Sim, id: string, wallet: string): WorkerProfile {
  const { rng } = sim;
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const country = rng.pick(COUNTRIES);
  const employer = rng.pick(EMPLOYERS);
  const n = rng.int(1, 999);
  return {
    workerId: id,
    legalName: `${first} ${last}`,
    dateOfBirth: `${rng.int(1970, 2001)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    nationality: country,
    residenceCountry: country,
    emails: [`${first.toLowerCase()}.${last.toLowerCase()}${n}@example.com`],
    phones: [`+${rng.int(1, 99)} ${rng.int(100, 999)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`],
    employer: { id: employerId(employer), name: employer },
    devices: Array.from({ length: rng.int(1, 2) }, () => homeDevice(sim, country)),
    residentialAddress: `${rng.int(1, 400)} ${rng.pick(STREETS)} Street, ${rng.pick(CITIES)}`,
    bankAccountHashes: [`bank-${rng.hex(12)}`],
    payoutWallets: [{ chain: 'ethereum', address: wallet }],
  };
}

/** Keeps the pay. */
export const hold: Behavior = () => {};

/** Sends a fifth to two fifths to the exchange hot wallet within a day. */
export const toExchange: Behavior = (sim, _w, p) => {
  sim.b.transfer(
    p.wallet,
    sim.listed.exchange,
    p.amount * sim.rng.between(0.2, 0.4),
    p.at + sim.rng.int(2, 20) * HOUR,
  );
};

/** Pays a few merchants small amounts over the next days. */
export const spend: Behavior = (sim, _w, p) => {
  for (let i = sim.rng.int(2, 3); i > 0; i--) {
    const merchant = sim.rng.pick(sim.merchants);
    sim.b.transfer(
      p.wallet,
      merchant,
      p.amount * sim.rng.between(0.05, 0.15),
      p.at + sim.rng.int(1, 10) * DAY + sim.rng.int(0, 20) * HOUR,
    );
  }
};

/** Moves everything to the worker's own savings wallet (one worker per wallet: not a collector). */
export function ownSavings(savings: string): Behavior {
  return (sim, _w, p: PaidOut) => {
    sim.b.transfer(p.wallet, savings, p.amount, p.at + sim.rng.int(1, 6) * HOUR);
  };
}

/** A clean worker with one of the ordinary behaviours. */
export function cleanWorker(sim: Sim, index: number): SimWorker {
  const { rng } = sim;
  const id = `w-${String(index + 1).padStart(5, '0')}`;
  const wallet = rng.wallet();
  const roll = rng.next();
  const behavior =
    roll < 0.2 ? hold : roll < 0.55 ? toExchange : roll < 0.85 ? spend : ownSavings(rng.wallet());
  return {
    id,
    profile: cleanProfile(sim, id, wallet),
    wallets: [{ fromRun: 0, wallet }],
    amount: Math.round(rng.between(1500, 9000)),
    behavior,
    onboardAt: sim.t0 + rng.int(0, 3 * 24) * HOUR,
  };
}

/** The payout wallet of a worker in a pay run. */
export function walletFor(w: SimWorker, run: number): string {
  let wallet = w.wallets[0]!.wallet;
  for (const s of w.wallets) if (s.fromRun <= run) wallet = s.wallet;
  return wallet;
}
