import { LAZARUS_WALLET } from './lists.ts';
import type { Network } from './network.ts';
import type { Sim } from './types.ts';

/** The ids of the network's six workers, in the roles the plant gives them. */
function networkWorkers(n: Network): [string, string, string, string, string, string] {
  return n.workers.map((w) => w.id) as [string, string, string, string, string, string];
}

/** Records what the network plant must make each rule find. */
function plantedCases(sim: Sim, n: Network): void {
  const [n1, n2, n3, n4, n5, n6] = networkWorkers(n);
  const lazarus = LAZARUS_WALLET.toLowerCase();
  sim.planted.push(
    {
      rule: 'identity-match',
      workerId: n1,
      description:
        'legal name "Chong In-chol" and alias "In Chol Jong" = listed JONG IN CHOL, same date of birth',
    },
    {
      rule: 'identity-match',
      workerId: n2,
      description: 'alias "Son Kyong-sik" = listed SON KYONG SIK, same date of birth',
    },
    {
      rule: 'identity-match',
      workerId: n3,
      employerId: 'emp-liaoning-trade',
      description: 'employer "Liaoning China Trade & Industry Co., Ltd" = listed front company',
    },
    {
      rule: 'shared-device',
      workers: [n1, n2, n3, n4, n5, n6],
      description:
        'two laptop-farm machines, one IP and one home address shared by six workers; two share a bank account',
    },
    {
      rule: 'geo-mismatch',
      workerId: n1,
      description: 'claims the US, logs in from China through a VPN, AnyDesk on the farm machine',
    },
    {
      rule: 'geo-mismatch',
      workerId: n3,
      description: 'claims the US, logs in from China through a VPN',
    },
    {
      rule: 'geo-mismatch',
      workerId: n5,
      description: 'claims the US, logs in from Russia through a VPN',
    },
    {
      rule: 'shared-payout-wallet',
      wallet: n.shared,
      description: `${n4}, ${n5} and ${n6} are paid to one wallet`,
    },
    {
      rule: 'consolidation',
      wallet: n.collector,
      description: 'every network payout wallet forwards ~90% within hours to this collector',
    },
    ...[...n.own, n.shared].map((wallet) => ({
      rule: 'sanctioned-exposure' as const,
      wallet,
      description: 'about 85% of each payout reaches Lazarus Group in two hops',
    })),
    {
      rule: 'sanctioned-exposure',
      wallet: n.fresh,
      description: 'the fresh wallet forwards to the collector too',
    },
    {
      rule: 'sanctioned-counterparty',
      wallet: lazarus,
      description: 'the collector pays Lazarus Group after every pay run',
    },
    {
      rule: 'payout-wallet-change',
      workerId: n6,
      wallet: n.fresh,
      description: 'switched from the shared wallet to a brand-new wallet the day before a pay run',
    },
  );
}

/** The network's part of the story, for the demo. */
function story(sim: Sim, n: Network): void {
  const [n1, n2, n3, n4, n5, n6] = networkWorkers(n);
  sim.story.push(
    `A payroll platform pays ${sim.o.workers} contractors in USDC every two weeks.`,
    `Six of them (${n.workers.map((w) => w.id).join(', ')}) are one operation: they log in from two laptop-farm machines at one Nashville address, and two connect from China and Russia through VPNs.`,
    `${n1} is "Chong In-chol" (alias "In Chol Jong"), the listed JONG IN CHOL with the same date of birth; ${n2} uses the alias "Son Kyong-sik"; ${n3} works for a listed front company.`,
    `Each of their payouts is ~90% forwarded within hours to ${n.collector}, which after every pay run pays Lazarus Group (${LAZARUS_WALLET}).`,
    `Before pay run ${Math.min(3, sim.o.payRuns - 1) + 1}, ${n6} moves its pay from the wallet it shares with ${n4} and ${n5} to a brand-new wallet.`,
  );
}

/** Records the network plant's cases and story. */
export function recordNetwork(sim: Sim, n: Network): void {
  plantedCases(sim, n);
  story(sim, n);
}
