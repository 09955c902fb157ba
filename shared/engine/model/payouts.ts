import type { Envelope } from '../../contract/index.ts';
import { eventTimeMs, type NormalizedEvent } from '../../normalize/index.ts';
import { keys } from '../state/keys.ts';
import type { PayoutRecord, WalletRecord, WorkerRecord } from '../state/records.ts';
import type { ModelContext } from './context.ts';
import type { PayoutFacts } from './facts.ts';
import { openPayout } from './forwarding.ts';
import { earlierInflows } from './inbound.ts';
import { appended, EMPTY, setBalance } from './lean.ts';
import { assetClass, creditPayout } from './taint.ts';
import { remember, saveWallet, walletOf } from './wallets.ts';

type PayoutEnvelope = Envelope<'payout.requested'> | Envelope<'payout.executed'>;

/**
 * Workers one wallet keeps as "paid here" evidence: the highest `minWorkers` the
 * shared-payout-wallet rule accepts, so any threshold it takes can be reached.
 */
export const MAX_PAID_WORKERS = 100;

/** The worker's record; a worker seen only through payouts gets one without a profile. */
function workerOf(ctx: ModelContext, workerId: string): WorkerRecord | undefined {
  return ctx.state.get<WorkerRecord>(keys.worker(workerId));
}

/** True when the wallet lists the worker among those paid to it. */
function paidHere(wallet: WalletRecord, workerId: string): boolean {
  for (const p of wallet.paid) if (p.workerId === workerId) return true;
  return false;
}

/** True when the worker's paid history has the wallet. */
function paidTo(worker: WorkerRecord, walletKey: string): boolean {
  for (const p of worker.paidWallets) if (p.key === walletKey) return true;
  return false;
}

/**
 * Records that money left for the wallet: taint starts here, forwarding is watched from here.
 * True when the payout made the wallet the worker's (first paid there, not on the profile).
 */
function credit(
  ctx: ModelContext,
  e: Envelope<'payout.executed'>,
  at: string,
  wallet: WalletRecord,
): boolean {
  const d = e.data;
  const amount = Number(d.amount);
  const cls = assetClass(d.asset);
  if (amount > 0) {
    setBalance(wallet, cls, (wallet.balances[cls] ?? 0) + amount);
    creditPayout({
      payoutId: d.payoutId,
      workerId: d.workerId,
      wallet,
      cls,
      amount,
      eventId: e.id,
      at,
    });
    const txHash = d.txHash?.toLowerCase();
    openPayout(ctx, wallet, {
      payoutId: d.payoutId,
      workerId: d.workerId,
      amount,
      cls,
      atMs: eventTimeMs(at),
      txHash,
      forwarded: undefined,
      fedTo: undefined,
    });
  }
  if (wallet.paid.length >= MAX_PAID_WORKERS || paidHere(wallet, d.workerId)) return false;
  wallet.paid = appended(wallet.paid, {
    workerId: d.workerId,
    payoutId: d.payoutId,
    at,
  });
  return !wallet.claimedBy.includes(d.workerId);
}

/** Adds the wallet to the worker's paid history (the first payout there is kept). */
function notePaid(
  ctx: ModelContext,
  known: WorkerRecord | undefined,
  workerId: string,
  wallet: WalletRecord,
  payoutId: string,
  at: string,
): WorkerRecord {
  const worker = known ?? {
    workerId,
    at,
    wallets: EMPTY,
    paidWallets: EMPTY,
    attrs: EMPTY,
    names: EMPTY,
  };
  if (!paidTo(worker, wallet.key)) {
    const paid = { key: wallet.key, address: wallet.address, payoutId, at };
    worker.paidWallets = appended(worker.paidWallets, paid);
    ctx.state.put(keys.worker(workerId), worker);
  }
  return worker;
}

/**
 * `payout.requested` / `payout.executed`: each applied once per payout id and type. An
 * executed payout credits the wallet, starts a taint slice and opens a forwarding watch.
 */
export function observePayout(ctx: ModelContext, event: NormalizedEvent): PayoutFacts {
  const e = event.envelope as PayoutEnvelope;
  const d = e.data;
  const wallet = walletOf(ctx, event.wallets.find((w) => w.role === 'to')!);
  const key = keys.payout(d.payoutId);
  const payout = ctx.state.get<PayoutRecord>(key) ?? {
    payoutId: d.payoutId,
    workerId: d.workerId,
    walletKey: wallet.key,
  };
  const executed = e.type === 'payout.executed';
  const first = executed
    ? payout.executedEventId === undefined
    : payout.requestedEventId === undefined;
  let worker = workerOf(ctx, d.workerId);
  let gained = false;
  if (first) {
    if (executed) {
      payout.executedEventId = e.id;
      gained = credit(ctx, e, event.at, wallet);
      worker = notePaid(ctx, worker, d.workerId, wallet, d.payoutId, event.at);
    } else payout.requestedEventId = e.id;
    remember(ctx, wallet, event);
    ctx.state.put(key, payout);
    saveWallet(ctx, wallet);
  }
  return gained
    ? { kind: 'payout', payout, wallet, worker, gained, earlier: earlierInflows(ctx, [wallet]) }
    : { kind: 'payout', payout, wallet, worker };
}
