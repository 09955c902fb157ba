import { type Envelope, envelope, eventId } from '../contract/index.ts';

/** A tiny deterministic PRNG (mulberry32): the same seed gives the same story. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function wallet(random: () => number): string {
  return `0x${Array.from({ length: 40 }, () => Math.floor(random() * 16).toString(16)).join('')}`;
}

/**
 * The short story of the walking skeleton: a platform pays its contractors every week, and
 * one contractor's payout goes straight to a wallet OFAC lists for Lazarus Group.
 */
export function skeletonStory(seed = 7, workers = 20, weeks = 4): Envelope[] {
  const random = prng(seed);
  const wallets = Array.from({ length: workers }, () => wallet(random));
  const events: Envelope[] = [];
  for (let week = 0; week < weeks; week++) {
    const day = new Date(Date.UTC(2026, 9, 2 + week * 7, 9)).toISOString();
    for (let w = 0; w < workers; w++) {
      const lazarus = week === weeks - 1 && w === 13;
      const payoutId = `po-${week + 1}-${w + 1}`;
      events.push(
        envelope(
          'payout.executed',
          {
            payoutId,
            workerId: `w-${String(w + 1).padStart(3, '0')}`,
            employerId: 'emp-acme',
            amount: (1800 + Math.floor(random() * 2400)).toFixed(2),
            asset: 'USDC',
            chain: 'ethereum',
            toAddress: lazarus ? '0x098b716b8aaf21512996dc57eb0615e2383e2f96' : wallets[w]!,
          },
          { id: eventId('payout.executed', payoutId), occurredAt: day, source: 'demo-payroll' },
        ),
      );
    }
  }
  return events;
}
