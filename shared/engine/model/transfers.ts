import type { Envelope } from '../../contract/index.ts';
import type { NormalizedEvent, WalletParty } from '../../normalize/index.ts';
import { keys } from '../state/keys.ts';
import type { TransferRecord, WalletRecord } from '../state/records.ts';
import type { ModelContext } from './context.ts';
import type { RetractFacts, TransferFacts } from './facts.ts';
import { countForward, feedingOf, isPayoutLeg, uncountForward } from './forwarding.ts';
import { NO_TRAILS, owned, type Trail, trailsInto } from './inbound.ts';
import { arrivedAt, assetClass, carry, type Movement, NOTHING, receive, unwind } from './taint.ts';
import { forget, rememberBoth, saveWallet, sighted, walletOf } from './wallets.ts';

type TransferEnvelope = Envelope<'transfer.observed'> | Envelope<'transfer.retracted'>;

/** The sending or receiving party of a transfer (normalizeEvent lists them as [from, to]). */
function party(event: NormalizedEvent, side: 'from' | 'to'): WalletParty {
  const w = event.wallets;
  return (w[0]!.role === 'from') === (side === 'from') ? w[0]! : w[1]!;
}

/**
 * Most transfers move no payroll money: for them only the event id is stored (a string,
 * not an object), which keeps the one-record-per-transfer cost low.
 */
function store(ctx: ModelContext, key: string, rec: TransferRecord): void {
  const plain = rec.credited && rec.carried.length === 0 && !rec.forwarded && !rec.retracted;
  ctx.state.put(key, plain ? rec.eventId : rec);
}

/** The applied record of a transfer, or undefined when it was never applied. */
export function loadTransfer(ctx: ModelContext, key: string): TransferRecord | undefined {
  const value = ctx.state.get<string | TransferRecord>(key);
  return typeof value === 'string' ? { eventId: value, carried: NOTHING, credited: true } : value;
}

function transferKey(e: TransferEnvelope): string {
  return keys.transfer(e.data.chain, e.data.txHash, e.data.logIndex);
}

function movement(event: NormalizedEvent, e: TransferEnvelope, eventId: string): Movement {
  return {
    cls: assetClass(e.data.asset.symbol),
    amount: Number(e.data.amount),
    txHash: e.data.txHash,
    eventId,
    at: event.at,
  };
}

/** Applies a new transfer: taint moves, forwarding is counted, both wallets remember it. */
function apply(
  ctx: ModelContext,
  event: NormalizedEvent,
  from: WalletRecord,
  to: WalletRecord,
): TransferRecord {
  const e = event.envelope as TransferEnvelope;
  // The payout already put this money in the payout wallet; counting the chain leg again would double it.
  const rec: TransferRecord = {
    eventId: e.id,
    carried: NOTHING,
    credited: !isPayoutLeg(to, e.data.txHash),
  };
  sighted(from, event.at);
  sighted(to, event.at);
  if (rec.credited && from.key !== to.key) {
    const m = movement(event, e, e.id);
    rec.carried = carry(from, to, m, ctx.options);
    receive(to, rec.carried, m, ctx.options);
    countForward(ctx, from, to, rec, m);
  }
  rememberBoth(ctx, from, to, event);
  return rec;
}

/**
 * `transfer.observed`: applied once per transfer identity (chain, tx hash, log index); a
 * redelivery reads back what was applied, so the rules find the same facts again.
 */
export function observeTransfer(ctx: ModelContext, event: NormalizedEvent): TransferFacts {
  const e = event.envelope as TransferEnvelope;
  const from = walletOf(ctx, party(event, 'from'));
  const to = walletOf(ctx, party(event, 'to'));
  const key = transferKey(e);
  let rec = loadTransfer(ctx, key);
  if (!rec || rec.retracted) {
    rec = apply(ctx, event, from, to);
    store(ctx, key, rec);
    saveWallet(ctx, from);
    saveWallet(ctx, to);
  }
  return {
    kind: 'transfer',
    record: rec,
    from,
    to,
    arrived: arrivedAt(to, rec.carried),
    feeding: feedingOf(from, to, rec),
    trails: inboundTrails(ctx, from, to, rec, event),
  };
}

/** Money from listed wallets through others in a transfer into a worker's wallet. */
export function inboundTrails(
  ctx: ModelContext,
  from: WalletRecord,
  to: WalletRecord,
  rec: TransferRecord,
  event: NormalizedEvent,
): readonly Trail[] {
  if (!rec.credited || rec.retracted || !owned(to) || !ctx.options.inbound) return NO_TRAILS;
  return trailsInto(ctx, from, to, event);
}

/**
 * `transfer.retracted` (a reorg removed it): undoes what the transfer contributed (taint,
 * balances, forwarding, lookback log). Transfers built on it later are retracted by the
 * same reorg, newest first, so undoing one step is enough.
 */
export function retractTransfer(ctx: ModelContext, event: NormalizedEvent): RetractFacts {
  const e = event.envelope as TransferEnvelope;
  const key = transferKey(e);
  const rec = loadTransfer(ctx, key);
  if (!rec || rec.retracted) return { kind: 'retract', record: rec };
  const from = walletOf(ctx, party(event, 'from'));
  const to = walletOf(ctx, party(event, 'to'));
  if (rec.credited && from.key !== to.key) {
    const m = movement(event, e, rec.eventId);
    unwind(from, to, rec.carried, m);
    uncountForward(ctx, from, to, rec, m);
  }
  forget(ctx, from, rec.eventId);
  forget(ctx, to, rec.eventId);
  rec.retracted = true;
  store(ctx, key, rec);
  saveWallet(ctx, from);
  saveWallet(ctx, to);
  return { kind: 'retract', record: rec };
}
