import type { Envelope } from '../contract/index.ts';
import { eventTimeMs, type NormalizedEvent, normalizeEvent } from '../normalize/index.ts';
import { profileAttrs, reportContacts } from './model/attributes.ts';
import type { ModelOptions } from './model/context.ts';
import { type InboundOptions, owned, parties } from './model/inbound.ts';
import { eventsBetween, eventsOf, pastEnvelope } from './model/wallets.ts';
import { nameKeysOf } from './model/workers.ts';
import type { EngineState } from './state/engine-state.ts';
import { keys } from './state/keys.ts';
import type { NameRecord, WalletRecord, WorkerRecord } from './state/records.ts';

/** A value if it is in process already; the plan never reads what is not loaded. */
function peek<T>(state: EngineState, key: string): T | undefined {
  return state.missing([key]).length === 0 ? state.get<T>(key) : undefined;
}

/**
 * The retained events of a wallet that may become `workerId`'s with this event (its past is
 * screened again for the worker); known once the wallet is loaded.
 */
function gainKeys(
  state: EngineState,
  walletKey: string,
  workerId: string,
  inbound: InboundOptions | undefined,
  out: Set<string>,
): void {
  const wallet = peek<WalletRecord>(state, keys.wallet(walletKey));
  if (!wallet || wallet.activity.length === 0 || wallet.claimedBy.includes(workerId)) return;
  if (wallet.paid.some((p) => p.workerId === workerId)) return;
  for (const id of eventsOf(wallet)) {
    out.add(keys.event(id));
    // A transfer into it: where its money came from (`sanctioned-exposure` inbound).
    const arrival = inbound ? loadedTransfer(state, id) : undefined;
    if (!arrival) continue;
    const [from, to] = parties(arrival);
    if (to.key === walletKey && from.key !== walletKey)
      trailKeys(state, from.key, arrival.at, inbound!, inbound!.maxIntermediaries - 1, out);
  }
}

/** A retained transfer's event, when its envelope is loaded. */
function loadedTransfer(state: EngineState, id: string): NormalizedEvent | undefined {
  if (state.missing([keys.event(id)]).length > 0) return undefined;
  const envelope = pastEnvelope(state, id);
  return envelope?.type === 'transfer.observed' ? normalizeEvent(envelope) : undefined;
}

/**
 * What tracing money back from `walletKey` (it sent at `at`) reads: the wallet, its events
 * within the window, and through `depth` more wallets the senders of its transfers in.
 */
function trailKeys(
  state: EngineState,
  walletKey: string,
  at: string,
  o: InboundOptions,
  depth: number,
  out: Set<string>,
): void {
  out.add(keys.wallet(walletKey));
  const wallet = peek<WalletRecord>(state, keys.wallet(walletKey));
  if (!wallet) return;
  const since = new Date(eventTimeMs(at) - o.windowMs).toISOString();
  const names = eventsBetween(wallet, since, at);
  if (names.length > o.serviceMaxEvents) return;
  for (const id of names) {
    out.add(keys.event(id));
    const inflow = depth > 0 ? loadedTransfer(state, id) : undefined;
    if (!inflow) continue;
    const [from, to] = parties(inflow);
    if (to.key === walletKey && from.key !== walletKey)
      trailKeys(state, from.key, inflow.at, o, depth - 1, out);
  }
}

function workerKeys(
  state: EngineState,
  e: Envelope<'worker.upserted'>,
  wallets: readonly string[],
  inbound: InboundOptions | undefined,
  out: Set<string>,
): void {
  const workerKey = keys.worker(e.data.workerId);
  out.add(workerKey);
  for (const a of profileAttrs(e.data)) out.add(keys.attr(a.kind, a.key));
  for (const n of nameKeysOf(e.data)) out.add(n);
  for (const w of wallets) {
    out.add(keys.wallet(w));
    gainKeys(state, w, e.data.workerId, inbound, out);
  }
  // The previous profile's entries are unlisted: their keys are known once it is loaded.
  const prev = peek<WorkerRecord>(state, workerKey);
  for (const k of prev?.attrs ?? []) out.add(k);
  for (const k of prev?.names ?? []) out.add(k);
  for (const c of prev?.wallets ?? []) out.add(keys.wallet(c.key));
}

/** Adds the state keys one event reads or writes (`options`: the model's, for what tracing reads). */
export function keysOfEvent(
  state: EngineState,
  event: NormalizedEvent,
  out: Set<string>,
  options?: ModelOptions,
): void {
  const e = event.envelope;
  const inbound = options?.inbound;
  for (const w of event.wallets) out.add(keys.wallet(w.key));
  switch (e.type) {
    case 'worker.upserted':
      workerKeys(
        state,
        e,
        event.wallets.map((w) => w.key),
        inbound,
        out,
      );
      break;
    case 'payout.requested':
    case 'payout.executed':
      out.add(keys.worker(e.data.workerId));
      out.add(keys.payout(e.data.payoutId));
      if (e.type === 'payout.executed')
        for (const w of event.wallets)
          if (w.role === 'to') gainKeys(state, w.key, e.data.workerId, inbound, out);
      break;
    case 'transfer.observed':
    case 'transfer.retracted':
      out.add(keys.transfer(e.data.chain, e.data.txHash, e.data.logIndex));
      if (inbound && e.type === 'transfer.observed') transferTrailKeys(state, event, inbound, out);
      break;
    case 'extortion.reported':
      for (const c of reportContacts(e.data.contacts)) out.add(keys.attr(c.kind, c.key));
      break;
  }
}

/** A transfer into a worker's wallet: where its money came from (`sanctioned-exposure` inbound). */
function transferTrailKeys(
  state: EngineState,
  event: NormalizedEvent,
  o: InboundOptions,
  out: Set<string>,
): void {
  const [from, to] = parties(event);
  const receiver = peek<WalletRecord>(state, keys.wallet(to.key));
  if (receiver && owned(receiver) && from.key !== to.key)
    trailKeys(state, from.key, event.at, o, o.maxIntermediaries - 1, out);
}

/** What following a newly listed wallet's transfer onwards reads (see `downstream`). */
function forwardKeys(
  state: EngineState,
  transfer: NormalizedEvent,
  o: InboundOptions,
  depth: number,
  out: Set<string>,
  options: ModelOptions,
): void {
  const to = parties(transfer)[1].key;
  out.add(keys.wallet(to));
  const wallet = peek<WalletRecord>(state, keys.wallet(to));
  if (!wallet) return;
  const until = new Date(eventTimeMs(transfer.at) + o.windowMs).toISOString();
  const names = eventsBetween(wallet, transfer.at, until);
  if (names.length > o.serviceMaxEvents) return;
  for (const id of names) {
    out.add(keys.event(id));
    const next = loadedTransfer(state, id);
    if (!next || parties(next)[0].key !== to) continue;
    keysOfEvent(state, next, out, options);
    if (depth > 1) forwardKeys(state, next, o, depth - 1, out, options);
  }
}

/** What a pending lookback needs: newly listed wallets, then their retained events; name buckets, then their workers. */
export interface LookbackPlan {
  readonly walletKeys: readonly string[];
  readonly nameKeys: readonly string[];
}

function lookbackKeys(
  state: EngineState,
  plan: LookbackPlan,
  out: Set<string>,
  options?: ModelOptions,
): void {
  out.add(keys.clock());
  for (const k of plan.walletKeys) {
    const key = keys.wallet(k);
    out.add(key);
    const wallet = peek<WalletRecord>(state, key);
    for (const id of wallet ? eventsOf(wallet) : []) {
      out.add(keys.event(id));
      const envelope =
        state.missing([keys.event(id)]).length === 0 ? pastEnvelope(state, id) : undefined;
      if (!envelope) continue;
      const event = normalizeEvent(envelope);
      keysOfEvent(state, event, out, options);
      const inbound = options?.inbound;
      if (inbound && envelope.type === 'transfer.observed' && parties(event)[0].key === k)
        forwardKeys(state, event, inbound, inbound.maxIntermediaries, out, options!);
    }
  }
  for (const k of plan.nameKeys) {
    out.add(k);
    for (const w of peek<NameRecord>(state, k)?.workers ?? []) out.add(keys.worker(w));
  }
}

/** Every state key a batch (and a pending lookback) needs, as far as what is loaded tells. */
export function planKeys(
  state: EngineState,
  events: readonly NormalizedEvent[],
  lookback?: LookbackPlan,
  options?: ModelOptions,
): Set<string> {
  const out = new Set<string>([keys.clock()]);
  for (const event of events) keysOfEvent(state, event, out, options);
  if (lookback) lookbackKeys(state, lookback, out, options);
  return out;
}
