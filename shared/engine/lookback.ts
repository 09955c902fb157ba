import { blockingKeys } from '../identity/index.ts';
import type { TagIndex } from '../lists/tag-index.ts';
import type { ListEntry } from '../lists/types.ts';
import { type NormalizedEvent, normalizeEvent } from '../normalize/index.ts';
import type { ModelContext } from './model/context.ts';
import type { Facts } from './model/facts.ts';
import { downstream } from './model/inbound.ts';
import { readFacts } from './model/read-facts.ts';
import { retained, retainedEnvelope } from './model/wallets.ts';
import { workersNamed } from './model/workers.ts';
import type { LookbackPlan } from './plan.ts';
import { keys } from './state/keys.ts';
import type { WalletRecord, WorkerRecord } from './state/records.ts';

/** What changed in the tag set that past events must be screened against. */
export type PendingLookback = LookbackPlan;

const entryId = (e: ListEntry) =>
  `${e.source}\u0000${e.entryId}\u0000${[e.name, ...e.aliases].join('|')}`;

/** Address keys listed in `next` and not in `prev`. */
function addedKeys(prev: TagIndex, next: TagIndex): string[] {
  const out: string[] = [];
  for (const key of next.keys()) if (prev.lookup(key).length === 0) out.push(key);
  return out;
}

/** Name-index keys of persons and entities (or their spellings) new in `next`. */
function addedNames(prev: TagIndex, next: TagIndex): string[] {
  const known = new Set(prev.entries.map(entryId));
  const out = new Set<string>();
  for (const e of next.entries) {
    if (known.has(entryId(e)) || (e.kind !== 'person' && e.kind !== 'entity')) continue;
    const kind = e.kind === 'person' ? 'person' : 'entity';
    for (const name of [e.name, ...e.aliases])
      for (const k of blockingKeys(name, kind)) out.add(keys.name(k));
  }
  return [...out];
}

/** What a switch from `prev` to `next` asks lookback to screen again; undefined when nothing. */
export function diffTags(
  prev: TagIndex,
  next: TagIndex,
  pending?: PendingLookback,
): PendingLookback | undefined {
  const walletKeys = new Set([...(pending?.walletKeys ?? []), ...addedKeys(prev, next)]);
  const nameKeys = new Set([...(pending?.nameKeys ?? []), ...addedNames(prev, next)]);
  if (walletKeys.size === 0 && nameKeys.size === 0) return undefined;
  return { walletKeys: [...walletKeys], nameKeys: [...nameKeys] };
}

/** Both lookbacks in one (a retried batch puts its lookback back next to a newer one). */
export function mergeLookback(
  a: PendingLookback | undefined,
  b: PendingLookback | undefined,
): PendingLookback | undefined {
  if (!a || !b) return a ?? b;
  return {
    walletKeys: [...new Set([...a.walletKeys, ...b.walletKeys])],
    nameKeys: [...new Set([...a.nameKeys, ...b.nameKeys])],
  };
}

/** A past event and its facts, to run the list-driven rules on again. */
export interface Rescreen {
  readonly event: NormalizedEvent;
  readonly facts: Facts;
}

/**
 * The retained payouts and transfers of newly listed wallets and the profiles of workers
 * whose names share a bucket with newly listed names, each once, oldest first.
 */
export function rescreens(ctx: ModelContext, plan: LookbackPlan): Rescreen[] {
  const out = new Map<string, Rescreen>();
  const add = (event: NormalizedEvent) => {
    if (out.has(event.envelope.id)) return;
    const facts = readFacts(ctx, event);
    if (facts) out.set(event.envelope.id, { event, facts });
  };
  for (const key of plan.walletKeys) {
    const wallet = ctx.state.get<WalletRecord>(keys.wallet(key));
    for (const id of wallet ? retained(ctx, wallet) : []) {
      const envelope = retainedEnvelope(ctx, id);
      if (!envelope) continue;
      const event = normalizeEvent(envelope);
      add(event);
      // Where its money went on within the window: a transfer into a worker's wallet there
      // now traces back to the newly listed wallet (`sanctioned-exposure` inbound).
      for (const next of downstream(ctx, event, key)) add(next);
    }
  }
  for (const workerId of workersNamed(ctx, plan.nameKeys)) {
    const envelope = ctx.state.get<WorkerRecord>(keys.worker(workerId))?.envelope;
    if (envelope) add(normalizeEvent(envelope));
  }
  return [...out.values()].sort((a, b) =>
    a.event.at < b.event.at ? -1 : a.event.at > b.event.at ? 1 : 0,
  );
}
