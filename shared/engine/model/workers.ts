import type { Envelope } from '../../contract/index.ts';
import { blockingKeys } from '../../identity/index.ts';
import type { NormalizedEvent } from '../../normalize/index.ts';
import { keys } from '../state/keys.ts';
import type {
  AttrRecord,
  NameRecord,
  PaidWallet,
  WalletClaim,
  WalletRecord,
  WorkerRecord,
} from '../state/records.ts';
import type { EventArchive } from './archive.ts';
import { CONTACT_KINDS, PLACE_KINDS, profileAttrs } from './attributes.ts';
import type { ModelContext } from './context.ts';
import type { ContactHit, SharedAttr, WorkerFacts } from './facts.ts';
import { earlierInflows } from './inbound.ts';
import { saveWallet, walletOf } from './wallets.ts';

/** Name-index keys of a profile: legal name and aliases as a person, the employer as an entity. */
export function nameKeysOf(p: Envelope<'worker.upserted'>['data']): string[] {
  const person = [p.legalName, ...(p.aliases ?? [])].flatMap((n) => keysOfName(n, 'person'));
  const entity = p.employer ? keysOfName(p.employer.name, 'entity') : [];
  return [...new Set([...person, ...entity])].map(keys.name);
}

/** Names whose blocking keys are kept (a few hundred bytes each); all go when it is full. */
const MAX_NAMES = 10_000;
const nameKeys = new Map<string, readonly string[]>();

/**
 * `blockingKeys` of a name, from memory when it was asked lately. A name's keys depend on it
 * alone, and names come again: a profile sent anew, a profile planned then applied (streaming
 * mode reads its keys twice), workers who share a name, a platform's few employers (21 names
 * over the 3,542 profiles of the standard workload, whose workers' names repeat half the time).
 */
function keysOfName(name: string, kind: 'person' | 'entity'): readonly string[] {
  const key = `${kind} ${name}`;
  let found = nameKeys.get(key);
  if (found === undefined) {
    found = blockingKeys(name, kind);
    if (nameKeys.size >= MAX_NAMES) nameKeys.clear();
    nameKeys.set(key, found);
  }
  return found;
}

/** Removes a worker from a list-valued index entry; deletes an entry left empty. */
function unlist(ctx: ModelContext, key: string, workerId: string): void {
  const rec = ctx.state.get<AttrRecord>(key) ?? { workers: [], reports: [] };
  const at = rec.workers.indexOf(workerId);
  if (at >= 0) rec.workers.splice(at, 1);
  if (rec.workers.length === 0 && (rec.reports?.length ?? 0) === 0) ctx.state.delete(key);
  else ctx.state.put(key, rec);
}

/**
 * Adds a worker to a list-valued index entry. An entry lists a worker exactly under the
 * keys its record names, so only a key of the previous profile (`listed`) can have the
 * worker already: a new key skips the search of a list that grows with the platform (a
 * common name's bucket holds thousands of workers).
 */
function enlist(ctx: ModelContext, key: string, workerId: string, listed: boolean): AttrRecord {
  const rec = ctx.state.get<AttrRecord>(key) ?? { workers: [], reports: [] };
  if (!listed || !rec.workers.includes(workerId)) rec.workers.push(workerId);
  ctx.state.put(key, rec);
  return rec;
}

/** Takes the worker out of the entries of `before` that `after` no longer has. */
function reindex(
  ctx: ModelContext,
  workerId: string,
  before: ReadonlySet<string>,
  after: readonly string[],
): void {
  if (before.size === 0) return;
  const keep = new Set(after);
  for (const key of before) if (!keep.has(key)) unlist(ctx, key, workerId);
}

const NO_KEYS: ReadonlySet<string> = new Set();
const keySet = (list: readonly string[] | undefined) =>
  list && list.length > 0 ? new Set(list) : NO_KEYS;

/**
 * Payout wallets of the profile; a wallet keeps the time it first appeared there. Their
 * records go to `records` (the rules look for wallets an extortion report named).
 */
function claims(
  ctx: ModelContext,
  event: NormalizedEvent,
  prev: WorkerRecord | undefined,
  workerId: string,
  records: WalletRecord[],
  gained: WalletRecord[],
): WalletClaim[] {
  const known = new Map((prev?.wallets ?? []).map((c) => [c.key, c]));
  const next = event.wallets
    .filter((w) => w.role === 'payout-wallet')
    .map(
      (w) =>
        known.get(w.key) ?? { key: w.key, chain: w.chain, address: w.address, addedAt: event.at },
    );
  const nextKeys = new Set(next.map((c) => c.key));
  for (const c of [...known.values(), ...next]) {
    const wallet = walletOf(ctx, c);
    if (nextKeys.has(c.key) && !records.includes(wallet)) records.push(wallet);
    const listed = wallet.claimedBy.includes(workerId);
    if (nextKeys.has(c.key) === listed) continue;
    if (!listed && !wasPaid(wallet, workerId)) gained.push(wallet);
    wallet.claimedBy = listed
      ? wallet.claimedBy.filter((w) => w !== workerId)
      : [...wallet.claimedBy, workerId];
    saveWallet(ctx, wallet);
  }
  return next;
}

/** True when the wallet lists the worker among those paid to it. */
function wasPaid(wallet: WalletRecord, workerId: string): boolean {
  for (const p of wallet.paid) if (p.workerId === workerId) return true;
  return false;
}

/**
 * `worker.upserted`: the profile replaces the previous one; attribute, name and wallet
 * indexes follow. Facts name the attributes shared with other workers and the contacts
 * extortion reports named. A profile older than the one applied is ignored.
 */
export function observeWorker(ctx: ModelContext, event: NormalizedEvent): WorkerFacts {
  const e = event.envelope as Envelope<'worker.upserted'>;
  const id = e.data.workerId;
  const prev = ctx.state.get<WorkerRecord>(keys.worker(id));
  // The time first: with an archive, `envelope` reads the profile again from its file.
  if (prev && prev.at > event.at && prev.envelope)
    return { kind: 'worker', record: prev, shared: [], contactHits: [], stale: true };
  const shared: SharedAttr[] = [];
  const contactHits: ContactHit[] = [];
  const attrs = profileAttrs(e.data);
  const attrKeys = attrs.map((a) => keys.attr(a.kind, a.key));
  // Everything that can throw on odd input runs before the indexes change.
  const names = nameKeysOf(e.data);
  const attrsBefore = keySet(prev?.attrs);
  reindex(ctx, id, attrsBefore, attrKeys);
  attrs.forEach((a, i) => {
    const rec = enlist(ctx, attrKeys[i]!, id, attrsBefore.has(attrKeys[i]!));
    const others = rec.workers.filter((w) => w !== id);
    if (PLACE_KINDS.has(a.kind) && others.length > 0)
      shared.push({ kind: a.kind, value: a.value, workers: others });
    if (CONTACT_KINDS.has(a.kind))
      for (const report of rec.reports) contactHits.push({ kind: a.kind, value: a.value, report });
  });
  const namesBefore = keySet(prev?.names);
  reindex(ctx, id, namesBefore, names);
  for (const key of names) enlist(ctx, key, id, namesBefore.has(key));
  const claimed: WalletRecord[] = [];
  const gained: WalletRecord[] = [];
  const wallets = claims(ctx, event, prev, id, claimed, gained);
  const paidWallets = prev?.paidWallets ?? [];
  const place = ctx.archive?.placeOf(event);
  const record: WorkerRecord =
    place === undefined
      ? { workerId: id, envelope: e, at: event.at, wallets, paidWallets, attrs: attrKeys, names }
      : rereadWorker(ctx.archive!, place, id, event.at, wallets, paidWallets, attrKeys, names);
  ctx.state.put(keys.worker(id), record);
  return {
    kind: 'worker',
    record,
    shared,
    contactHits,
    claimed,
    ...(gained.length > 0 ? { gained, earlier: earlierInflows(ctx, gained) } : {}),
    stale: false,
  };
}

/**
 * A worker record whose profile the archive reads again when asked: the envelope (some
 * 2 KB of objects a worker, kept for every worker the whole scan) is read only by lookback
 * and the report's roll-up (the employer), never while payouts are screened.
 */
function rereadWorker(
  archive: EventArchive,
  place: number,
  workerId: string,
  at: string,
  wallets: WalletClaim[],
  paidWallets: PaidWallet[],
  attrs: string[],
  names: string[],
): WorkerRecord {
  return {
    workerId,
    get envelope() {
      return archive.read(place) as Envelope<'worker.upserted'>;
    },
    at,
    wallets,
    paidWallets,
    attrs,
    names,
  };
}

/** Workers listed under name-index keys (for identity lookback). */
export function workersNamed(ctx: ModelContext, nameKeys: readonly string[]): string[] {
  const out = new Set<string>();
  for (const key of nameKeys)
    for (const w of ctx.state.get<NameRecord>(key)?.workers ?? []) out.add(w);
  return [...out];
}
