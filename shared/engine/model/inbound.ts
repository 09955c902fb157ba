import type { Envelope } from '../../contract/index.ts';
import type { TagHit } from '../../lists/tag-index.ts';
import { eventTimeMs, type NormalizedEvent, normalizeEvent } from '../../normalize/index.ts';
import { keys } from '../state/keys.ts';
import type { WalletRecord } from '../state/records.ts';
import type { ModelContext } from './context.ts';
import { assetClass } from './taint.ts';
import { eventsBetween, retained, retainedEnvelope } from './wallets.ts';

/** How money from listed wallets is traced back from a worker's wallet (`sanctioned-exposure`). */
export interface InboundOptions {
  /** List categories of the wallets the money is traced to. */
  readonly categories: readonly string[];
  /** Wallets between the listed wallet and the worker's wallet that are followed (1-3). */
  readonly maxIntermediaries: number;
  /** Each hop must follow the money's arrival in the wallet it leaves within this time. */
  readonly windowMs: number;
  /** List categories of services where a trail stops (an exchange pools everyone's money). */
  readonly serviceCategories: readonly string[];
  /** A wallet with more retained events than this within the window is a busy service: the trail stops. */
  readonly serviceMaxEvents: number;
}

/** One transfer of a trail, from the listed wallet's side to the worker's. */
export interface TrailHop {
  readonly from: string;
  readonly to: string;
  readonly txHash: string;
  readonly amount: number;
  /** The share of what the receiving wallet took in (within the window) that this transfer brought. */
  readonly share: number;
  readonly eventId: string;
  readonly at: string;
}

/** Money from one listed wallet inside a transfer into a worker's wallet. */
export interface Trail {
  /** The listed wallet's key and display form, and the list entries naming it. */
  readonly source: string;
  readonly sourceAddress: string;
  readonly hits: readonly TagHit[];
  /** The widest path, listed wallet first, the transfer into the worker's wallet last. */
  readonly hops: readonly TrailHop[];
  /** Share of the arriving transfer that came from the listed wallet (all paths summed). */
  readonly share: number;
  /** The arriving transfer's amount and asset class. */
  readonly amount: number;
  readonly cls: string;
}

/** A transfer into a wallet before it was the worker's, with the money from listed wallets in it. */
export interface EarlierInflow {
  readonly wallet: WalletRecord;
  readonly event: NormalizedEvent;
  readonly trails: readonly Trail[];
}

export const NO_TRAILS: readonly Trail[] = Object.freeze([]);

type Transfer = Envelope<'transfer.observed'>;

/** What reached a wallet from one listed source: its share and the widest path so far. */
interface Reach {
  share: number;
  best: number;
  hops: TrailHop[];
  readonly hits: readonly TagHit[];
  readonly address: string;
}

function listedHits(ctx: ModelContext, o: InboundOptions, key: string): readonly TagHit[] {
  const all = ctx.tags.lookup(key);
  return all.length === 0 ? all : all.filter((h) => o.categories.includes(h.entry.category));
}

/** True when a list files the wallet as a service (an exchange hot wallet): money there is pooled. */
function isService(ctx: ModelContext, o: InboundOptions, key: string): boolean {
  const all = ctx.tags.lookup(key);
  return all.length > 0 && all.some((h) => o.serviceCategories.includes(h.entry.category));
}

function add(
  out: Map<string, Reach>,
  key: string,
  part: number,
  hops: TrailHop[],
  first: { hits: readonly TagHit[]; address: string },
): void {
  const known = out.get(key);
  if (!known) {
    out.set(key, { share: part, best: part, hops, hits: first.hits, address: first.address });
    return;
  }
  known.share += part;
  if (part > known.best) {
    known.best = part;
    known.hops = hops;
  }
}

/**
 * The money from listed wallets in what `wallet` sent at `at` (asset class `cls`), by
 * listed wallet: its share of everything the wallet took in within the window before,
 * looking back through up to `depth` more wallets. Stops at services (by list category,
 * or busy: more events in the window than `serviceMaxEvents`).
 */
function fundsOf(
  ctx: ModelContext,
  o: InboundOptions,
  wallet: WalletRecord,
  at: string,
  cls: string,
  depth: number,
  skip: string,
): Map<string, Reach> {
  const out = new Map<string, Reach>();
  if (isService(ctx, o, wallet.key)) return out;
  const since = new Date(eventTimeMs(at) - o.windowMs).toISOString();
  const names = eventsBetween(wallet, since, at);
  if (names.length > o.serviceMaxEvents) return out;
  const inflows: { event: NormalizedEvent; data: Transfer['data']; amount: number }[] = [];
  let total = 0;
  for (const name of names) {
    const envelope = retainedEnvelope(ctx, name);
    if (envelope?.type !== 'transfer.observed' || envelope.id === skip) continue;
    const data = (envelope as Transfer).data;
    const amount = Number(data.amount);
    if (!(amount > 0) || assetClass(data.asset.symbol) !== cls) continue;
    const event = normalizeEvent(envelope);
    const [from, to] = parties(event);
    if (to.key !== wallet.key || from.key === wallet.key) continue;
    total += amount;
    inflows.push({ event, data, amount });
  }
  if (total <= 0) return out;
  for (const { event, data, amount } of inflows) {
    const [from] = parties(event);
    const share = amount / total;
    const hop: TrailHop = {
      from: from.address,
      to: wallet.address,
      txHash: data.txHash,
      amount,
      share,
      eventId: event.envelope.id,
      at: event.at,
    };
    const hits = listedHits(ctx, o, from.key);
    if (hits.length > 0) {
      add(out, from.key, share, [hop], { hits, address: from.address });
      continue;
    }
    if (depth <= 0) continue;
    const sender = ctx.state.get<WalletRecord>(keys.wallet(from.key));
    if (!sender) continue;
    const upstream = fundsOf(ctx, o, sender, event.at, cls, depth - 1, event.envelope.id);
    for (const [key, r] of upstream) add(out, key, share * r.share, [...r.hops, hop], r);
  }
  return out;
}

/** The sending and receiving parties of a transfer event. */
export function parties(event: NormalizedEvent) {
  const [a, b] = event.wallets as [NormalizedEvent['wallets'][0], NormalizedEvent['wallets'][0]];
  return a.role === 'from' ? ([a, b] as const) : ([b, a] as const);
}

/**
 * The money from listed wallets inside a transfer from `from` into `to` (a worker's
 * wallet), traced back through up to `maxIntermediaries` wallets. None when `from` is
 * listed itself (a direct touch: `sanctioned-counterparty`) or a service.
 */
export function trailsInto(
  ctx: ModelContext,
  from: WalletRecord,
  to: WalletRecord,
  event: NormalizedEvent,
): readonly Trail[] {
  const o = ctx.options.inbound;
  if (!o || from.key === to.key || event.envelope.type !== 'transfer.observed') return NO_TRAILS;
  if (listedHits(ctx, o, from.key).length > 0) return NO_TRAILS;
  const data = (event.envelope as Transfer).data;
  const amount = Number(data.amount);
  if (!(amount > 0)) return NO_TRAILS;
  const cls = assetClass(data.asset.symbol);
  const found = fundsOf(ctx, o, from, event.at, cls, o.maxIntermediaries - 1, event.envelope.id);
  if (found.size === 0) return NO_TRAILS;
  const trails: Trail[] = [];
  for (const [source, r] of found) {
    const share = Math.min(1, r.share);
    const last: TrailHop = {
      from: from.address,
      to: to.address,
      txHash: data.txHash,
      amount,
      share,
      eventId: event.envelope.id,
      at: event.at,
    };
    trails.push({
      source,
      sourceAddress: r.address,
      hits: r.hits,
      hops: [...r.hops, last],
      share,
      amount,
      cls,
    });
  }
  return trails;
}

/** True when the wallet is some worker's: on a profile, or paid to. */
export function owned(wallet: WalletRecord): boolean {
  return wallet.claimedBy.length > 0 || wallet.paid.length > 0;
}

/**
 * The retained transfers into wallets an event just made a worker's that carried money from
 * listed wallets through intermediaries (within retention), oldest first.
 */
export function earlierInflows(
  ctx: ModelContext,
  wallets: readonly WalletRecord[],
): EarlierInflow[] | undefined {
  if (!ctx.options.inbound) return undefined;
  let out: EarlierInflow[] | undefined;
  for (const wallet of wallets) {
    if (wallet.activity.length === 0) continue;
    for (const name of retained(ctx, wallet)) {
      const envelope = retainedEnvelope(ctx, name);
      if (envelope?.type !== 'transfer.observed') continue;
      const event = normalizeEvent(envelope);
      const [from, to] = parties(event);
      if (to.key !== wallet.key || from.key === wallet.key) continue;
      const sender = ctx.state.get<WalletRecord>(keys.wallet(from.key));
      if (!sender) continue;
      const trails = trailsInto(ctx, sender, wallet, event);
      if (trails.length === 0) continue;
      out = out ?? [];
      out.push({ wallet, event, trails });
    }
  }
  return out;
}

/**
 * The retained transfers that carried on money a transfer out of `source` brought: out of
 * the receiving wallet within the window after it, and on through up to
 * `maxIntermediaries` wallets (services stop it). What a list change screens again so that
 * money from a newly listed wallet that reached a worker through others is found.
 */
export function downstream(
  ctx: ModelContext,
  event: NormalizedEvent,
  source: string,
): NormalizedEvent[] {
  const o = ctx.options.inbound;
  if (!o || event.envelope.type !== 'transfer.observed') return [];
  const out: NormalizedEvent[] = [];
  const walk = (transfer: NormalizedEvent, depth: number) => {
    const [from, to] = parties(transfer);
    if (from.key === to.key || isService(ctx, o, to.key)) return;
    const wallet = ctx.state.get<WalletRecord>(keys.wallet(to.key));
    if (!wallet) return;
    const until = new Date(eventTimeMs(transfer.at) + o.windowMs).toISOString();
    const names = eventsBetween(wallet, transfer.at, until);
    if (names.length > o.serviceMaxEvents) return;
    for (const name of names) {
      const envelope = retainedEnvelope(ctx, name);
      if (envelope?.type !== 'transfer.observed' || envelope.id === transfer.envelope.id) continue;
      const next = normalizeEvent(envelope);
      if (parties(next)[0].key !== to.key) continue;
      out.push(next);
      if (depth > 1) walk(next, depth - 1);
    }
  };
  if (parties(event)[0].key === source) walk(event, o.maxIntermediaries);
  return out;
}
