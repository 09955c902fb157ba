import type { Envelope } from '../contract/index.ts';
import { type NormalizedEvent, normalizeEvent } from '../normalize/index.ts';
import { profileAttrs, reportContacts } from './model/attributes.ts';
import { eventsOf, pastEnvelope } from './model/wallets.ts';
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
function gainKeys(state: EngineState, walletKey: string, workerId: string, out: Set<string>): void {
  const wallet = peek<WalletRecord>(state, keys.wallet(walletKey));
  if (!wallet || wallet.activity.length === 0 || wallet.claimedBy.includes(workerId)) return;
  if (wallet.paid.some((p) => p.workerId === workerId)) return;
  for (const id of eventsOf(wallet)) out.add(keys.event(id));
}

function workerKeys(
  state: EngineState,
  e: Envelope<'worker.upserted'>,
  wallets: readonly string[],
  out: Set<string>,
): void {
  const workerKey = keys.worker(e.data.workerId);
  out.add(workerKey);
  for (const a of profileAttrs(e.data)) out.add(keys.attr(a.kind, a.key));
  for (const n of nameKeysOf(e.data)) out.add(n);
  for (const w of wallets) {
    out.add(keys.wallet(w));
    gainKeys(state, w, e.data.workerId, out);
  }
  // The previous profile's entries are unlisted: their keys are known once it is loaded.
  const prev = peek<WorkerRecord>(state, workerKey);
  for (const k of prev?.attrs ?? []) out.add(k);
  for (const k of prev?.names ?? []) out.add(k);
  for (const c of prev?.wallets ?? []) out.add(keys.wallet(c.key));
}

/** Adds the state keys one event reads or writes. */
export function keysOfEvent(state: EngineState, event: NormalizedEvent, out: Set<string>): void {
  const e = event.envelope;
  for (const w of event.wallets) out.add(keys.wallet(w.key));
  switch (e.type) {
    case 'worker.upserted':
      workerKeys(
        state,
        e,
        event.wallets.map((w) => w.key),
        out,
      );
      break;
    case 'payout.requested':
    case 'payout.executed':
      out.add(keys.worker(e.data.workerId));
      out.add(keys.payout(e.data.payoutId));
      if (e.type === 'payout.executed')
        for (const w of event.wallets) gainKeys(state, w.key, e.data.workerId, out);
      break;
    case 'transfer.observed':
    case 'transfer.retracted':
      out.add(keys.transfer(e.data.chain, e.data.txHash, e.data.logIndex));
      break;
    case 'extortion.reported':
      for (const c of reportContacts(e.data.contacts)) out.add(keys.attr(c.kind, c.key));
      break;
  }
}

/** What a pending lookback needs: newly listed wallets, then their retained events; name buckets, then their workers. */
export interface LookbackPlan {
  readonly walletKeys: readonly string[];
  readonly nameKeys: readonly string[];
}

function lookbackKeys(state: EngineState, plan: LookbackPlan, out: Set<string>): void {
  out.add(keys.clock());
  for (const k of plan.walletKeys) {
    const key = keys.wallet(k);
    out.add(key);
    const wallet = peek<WalletRecord>(state, key);
    for (const id of wallet ? eventsOf(wallet) : []) {
      out.add(keys.event(id));
      const envelope =
        state.missing([keys.event(id)]).length === 0 ? pastEnvelope(state, id) : undefined;
      if (envelope) keysOfEvent(state, normalizeEvent(envelope), out);
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
): Set<string> {
  const out = new Set<string>([keys.clock()]);
  for (const event of events) keysOfEvent(state, event, out);
  if (lookback) lookbackKeys(state, lookback, out);
  return out;
}
