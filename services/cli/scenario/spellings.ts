import { DAY, HOUR } from './builder.ts';
import { LAZARUS_WALLET } from './lists.ts';
import type { Prng } from './prng.ts';
import type { Sim, SimWorker } from './types.ts';

// One value, written the ways different teams and tools write it (issue 12): a report names a
// phone and a Telegram handle, profiles give a WhatsApp link and "Telegram @Handle"; a laptop
// farm's IP and bank account are typed differently on each profile; a collector sweeps a
// payout to Lazarus in small parts. Each sits next to a look-alike that must stay quiet.
// The plants draw from a generator of their own (`rng`), so the rest of the scenario (who
// updates a profile, what the noise is) stays what it was without them.

const LAZARUS = LAZARUS_WALLET.toLowerCase();

/** A US number in the 555 range, as the report writes it and as its digits. */
function phone(rng: Prng): { written: string; digits: string } {
  const line = rng.int(1000, 9899);
  const area = rng.int(201, 989);
  return { written: `+1 (${area}) 555-${line}`, digits: `1${area}555${line}` };
}

/**
 * A third report names a phone number, a Telegram handle and a mailbox. One worker gives the
 * number as a WhatsApp link, another the handle as "Telegram @Handle", a third the mailbox
 * behind a display name. Look-alikes: the next number on WhatsApp, a longer handle written
 * the same way, another mailbox at the same provider.
 */
export function plantContactSpellings(sim: Sim, rng: Prng, workers: readonly SimWorker[]): void {
  const [byPhone, byHandle, byMail, nextNumber, longerHandle, otherMail] = workers as [
    SimWorker,
    SimWorker,
    SimWorker,
    SimWorker,
    SimWorker,
    SimWorker,
  ];
  const number = phone(rng);
  const next = `${number.digits.slice(0, -1)}${(Number(number.digits.at(-1)) + 1) % 10}`;
  const handle = `coder_${rng.hex(3)}`;
  const mailbox = `hire.${rng.hex(3)}@proton.me`;
  const set = (w: SimWorker, over: Partial<SimWorker['profile']>) => {
    w.profile = { ...w.profile, ...over };
  };
  set(byPhone, { messengers: [`https://wa.me/${number.digits}`] });
  set(byHandle, { messengers: [`Telegram @${handle.toUpperCase()}`] });
  set(byMail, { emails: [`"Recruiting" <${mailbox.toUpperCase()}>`] });
  set(nextNumber, { messengers: [`whatsapp://send?phone=${next}`] });
  set(longerHandle, { messengers: [`${handle}_team (Telegram)`] });
  set(otherMail, { emails: [`mailto:${mailbox.replace('@', '2@')}`] });
  sim.b.report(
    {
      reportId: 'rep-2026-0303',
      addresses: [],
      contacts: {
        phones: [number.written],
        messengers: [`telegram:@${handle}`],
        emails: [mailbox],
      },
      notes: 'A client was threatened over a messenger with the release of its customer data.',
    },
    sim.payDay(3) + DAY,
  );
  const planted = (w: SimWorker, description: string) =>
    sim.planted.push({ rule: 'extortion-contact', workerId: w.id, description });
  planted(byPhone, `report phone ${number.written} = profile WhatsApp link wa.me/${number.digits}`);
  planted(byHandle, `report telegram:@${handle} = profile "Telegram @${handle.toUpperCase()}"`);
  planted(byMail, `report ${mailbox} = profile mailbox behind a display name, in capitals`);
  const decoy = (w: SimWorker, description: string) =>
    sim.decoys.push({ rule: 'extortion-contact', workerId: w.id, description });
  decoy(nextNumber, 'a WhatsApp link to the next number');
  decoy(longerHandle, `"${handle}_team (Telegram)" is a longer handle`);
  decoy(otherMail, 'another mailbox at the same provider');
  sim.story.push(
    `After pay run 4 a third report names a phone, a Telegram handle and a mailbox: ${byPhone.id} gives the phone as a WhatsApp link, ${byHandle.id} the handle as "Telegram @…", ${byMail.id} the mailbox behind a display name.`,
  );
}

/** An IPv6 address in the documentation range, written three ways. */
function ipv6Spellings(rng: Prng): { spellings: string[]; neighbours: string[] } {
  const group = rng.int(0x100, 0xfff).toString(16);
  const host = rng.int(0x10, 0xff).toString(16);
  return {
    spellings: [
      `2001:db8:${group}::${host}`,
      `2001:0DB8:0${group.toUpperCase()}:0000:0000:0000:0000:00${host.toUpperCase()}`,
      `[2001:db8:${group}:0:0::${host}]`,
    ],
    neighbours: [
      `2001:db8:${group}::${host}0`,
      `2001:db8:${group}::${host}:0`,
      `2001:db8:${group}::1:${host}`,
    ],
  };
}

/**
 * A laptop farm whose workers' profiles write one router's IPv6 address compressed, in full
 * and in brackets, and a pair sharing a bank account typed with spaces and with dashes.
 * Look-alikes: three neighbours on adjacent IPv6 addresses, two accounts one digit apart.
 */
export function plantFarmSpellings(sim: Sim, rng: Prng, workers: readonly SimWorker[]): void {
  const farm = workers.slice(0, 3);
  const neighbours = workers.slice(3, 6);
  const [payA, payB, nearA, nearB] = workers.slice(6, 10) as [
    SimWorker,
    SimWorker,
    SimWorker,
    SimWorker,
  ];
  const ip = ipv6Spellings(rng);
  const withIp = (w: SimWorker, address: string) => {
    const [first, ...rest] = w.profile.devices ?? [];
    w.profile = { ...w.profile, devices: [{ ...first, ip: address }, ...rest] };
  };
  for (const [i, w] of farm.entries()) withIp(w, ip.spellings[i]!);
  for (const [i, w] of neighbours.entries()) withIp(w, ip.neighbours[i]!);
  const digits = Array.from({ length: 18 }, () => rng.int(0, 9)).join('');
  const iban = `DE${rng.int(10, 99)}${digits}`;
  const grouped = (text: string, sep: string) => text.match(/.{1,4}/g)!.join(sep);
  const other = `${iban.slice(0, -1)}${(Number(iban.at(-1)) + 1) % 10}`;
  payA.profile = { ...payA.profile, bankAccountHashes: [grouped(iban, ' ')] };
  payB.profile = { ...payB.profile, bankAccountHashes: [grouped(iban.toLowerCase(), '-')] };
  nearA.profile = { ...nearA.profile, bankAccountHashes: [`${grouped(iban, ' ')}0`] };
  nearB.profile = { ...nearB.profile, bankAccountHashes: [grouped(other, ' ')] };
  sim.planted.push(
    {
      rule: 'shared-device',
      workers: farm.map((w) => w.id),
      description: `one IPv6 router written ${ip.spellings.join(', ')}`,
    },
    {
      rule: 'shared-device',
      workers: [payA.id, payB.id],
      description: 'one bank account typed with spaces and with dashes',
    },
  );
  sim.decoys.push(
    {
      rule: 'shared-device',
      workers: neighbours.map((w) => w.id),
      description: `neighbours on adjacent IPv6 addresses ${ip.neighbours.join(', ')}`,
    },
    {
      rule: 'shared-device',
      workers: [nearA.id, nearB.id],
      description: 'bank accounts one digit apart',
    },
  );
}

/**
 * A worker forwards a whole payout to a wallet of their own, which sweeps it to Lazarus in
 * eight parts over the next hours: most of the payout reaches a sanctioned party within
 * hours, critical however small each part.
 */
export function plantSplitSweep(sim: Sim, rng: Prng, w: SimWorker): void {
  const pocket = rng.wallet();
  w.behavior = (s, _worker, p) => {
    if (p.run !== 3) return;
    s.b.transfer(p.wallet, pocket, p.amount, p.at + HOUR);
    for (let i = 0; i < 8; i++)
      s.b.transfer(pocket, LAZARUS, (p.amount * 0.9) / 8, p.at + (2 + i) * HOUR);
  };
  sim.planted.push({
    rule: 'sanctioned-exposure',
    workerId: w.id,
    wallet: w.wallets[0]!.wallet,
    severity: 'critical',
    description: '90% of the fourth payout swept to Lazarus in eight parts within ten hours',
  });
}

/**
 * A fourth report pastes its wallet as a payment link (`ethereum:0x…@1`), a wallet one worker
 * lists on their profile; after the report that wallet pays another worker's payout wallet
 * (the worker's case). Look-alike: a worker paid to a wallet sharing all but its last digits.
 */
export function plantWalletSpellings(sim: Sim, rng: Prng, workers: readonly SimWorker[]): void {
  const [onFile, paidBy, near] = workers as [SimWorker, SimWorker, SimWorker];
  const reported = rng.wallet();
  let tail = rng.hex(2);
  while (reported.endsWith(tail)) tail = rng.hex(2);
  const lookalike = `${reported.slice(0, 38)}${tail}`;
  onFile.profile = {
    ...onFile.profile,
    payoutWallets: [
      ...(onFile.profile.payoutWallets ?? []),
      { chain: 'ethereum', address: reported },
    ],
  };
  near.profile = { ...near.profile, payoutWallets: [{ chain: 'ethereum', address: lookalike }] };
  near.wallets = [{ fromRun: 0, wallet: lookalike }];
  const at = sim.payDay(4) + DAY;
  sim.b.report(
    {
      reportId: 'rep-2026-0304',
      addresses: [
        { chain: 'ethereum', address: `ethereum:${reported.toUpperCase().replace('0X', '0x')}@1` },
      ],
      notes: 'The demand came with a payment link.',
    },
    at,
  );
  sim.b.transfer(reported, paidBy.wallets[0]!.wallet, 300, at + 2 * DAY);
  sim.planted.push(
    {
      rule: 'extortion-wallet',
      workerId: onFile.id,
      wallet: reported,
      description: 'a report pastes a wallet on file as a payment link',
    },
    {
      rule: 'extortion-wallet',
      workerId: paidBy.id,
      description: "the reported wallet pays a worker's payout wallet",
    },
  );
  sim.decoys.push({
    rule: 'extortion-wallet',
    workerId: near.id,
    wallet: lookalike,
    description: 'paid to a wallet sharing all but the last digits with the pasted one',
  });
}
