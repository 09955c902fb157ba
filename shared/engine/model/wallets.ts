import type { Envelope } from '../../contract/index.ts';
import { eventTimeMs, type NormalizedEvent, type WalletParty } from '../../normalize/index.ts';
import type { EngineState } from '../state/engine-state.ts';
import { packEvent, unpackEvent } from '../state/event-codec.ts';
import { keys } from '../state/keys.ts';
import type { DerivedTag, WalletRecord } from '../state/records.ts';
import {
  cutoffMs,
  entryHeldId,
  entryPlace,
  entryTime,
  heldEntry,
  isEntryLog,
  placedEntry,
} from './activity.ts';
import type { ModelContext } from './context.ts';
import { appended, EMPTY, NO_BALANCES } from './lean.ts';

/** The wallet's record, or a new empty one (not stored until put). */
export function walletOf(
  ctx: ModelContext,
  party: Pick<WalletParty, 'key' | 'chain' | 'address'>,
): WalletRecord {
  const found = ctx.state.get<WalletRecord>(keys.wallet(party.key));
  if (found) return found;
  return {
    key: party.key,
    chain: party.chain,
    address: party.address,
    // Every field from the start (undefined until set), so records share one layout.
    firstSeen: undefined,
    balances: NO_BALANCES,
    origins: EMPTY,
    paid: EMPTY,
    claimedBy: EMPTY,
    open: EMPTY,
    feeders: EMPTY,
    tags: EMPTY,
    activity: EMPTY,
  };
}

/** Stores a wallet record after a change. */
export function saveWallet(ctx: ModelContext, wallet: WalletRecord): void {
  ctx.state.put(keys.wallet(wallet.key), wallet);
}

/** Adds a derived tag once (by category and id). */
export function addTag(wallet: WalletRecord, tag: DerivedTag): boolean {
  if (wallet.tags.some((t) => t.category === tag.category && t.id === tag.id)) return false;
  wallet.tags = appended(wallet.tags, tag);
  return true;
}

/** Notes the first on-chain sighting of a wallet (the earliest event time wins). */
export function sighted(wallet: WalletRecord, at: string): void {
  if (wallet.firstSeen === undefined || at < wallet.firstSeen) wallet.firstSeen = at;
}

/**
 * Keeps an event for lookback. Old events are dropped by retention (event time) and by
 * count, checked every 16 appends so the hot path stays a push.
 */
export function remember(ctx: ModelContext, wallet: WalletRecord, event: NormalizedEvent): void {
  logEvent(wallet, event, retain(ctx, event));
  trim(ctx, wallet);
}

/**
 * `remember` for both wallets of a transfer, the envelope looked up and written once. A
 * late event already past retention goes wallet by wallet instead: trimming one wallet's
 * log may drop that very envelope, and the other wallet then writes it again.
 */
export function rememberBoth(
  ctx: ModelContext,
  from: WalletRecord,
  to: WalletRecord,
  event: NormalizedEvent,
): void {
  if (event.at < ctx.clock.cutoff) {
    remember(ctx, from, event);
    if (to.key !== from.key) remember(ctx, to, event);
    return;
  }
  // Trimming drops only envelopes before the cutoff, so this one stays whatever it drops.
  const entry = retain(ctx, event);
  logEvent(from, event, entry);
  trim(ctx, from);
  if (to.key === from.key) return;
  logEvent(to, event, entry);
  trim(ctx, to);
}

/**
 * Appends one event to a wallet's lookback log (a first entry gets a list of its own): its
 * entry with an archive, else its time and id (see `activity.ts`).
 */
function logEvent(wallet: WalletRecord, event: NormalizedEvent, entry: string | undefined): void {
  const log = wallet.activity;
  if (entry !== undefined) {
    if (log.length === 0) wallet.activity = [entry];
    else log.push(entry);
  } else if (log.length === 0) wallet.activity = [event.at, event.envelope.id];
  else log.push(event.at, event.envelope.id);
}

/**
 * Notes where the archive can read the event again, or else stores its envelope in the
 * state (packed when the codec knows its shape). Returns the event's log entry when the
 * engine has an archive. Only an event applied for the first time gets here (a payout once
 * per id and type, a transfer once unless retracted), so the key is not looked up first: a
 * write over the same envelope changes nothing, and the lookup, a miss in one of the
 * largest tables, cost more than the rest of the write.
 */
function retain(ctx: ModelContext, event: NormalizedEvent): string | undefined {
  const place = ctx.archive?.placeOf(event);
  if (place !== undefined) return placedEntry(event.at, place);
  const id = event.envelope.id;
  ctx.state.put(keys.event(id), packEvent(event.envelope) ?? event.envelope);
  return ctx.archive ? heldEntry(event.at, id) : undefined;
}

/** Drops a wallet's log entries over the count or past retention (checked every 16 appends). */
function trim(ctx: ModelContext, wallet: WalletRecord): void {
  if (isEntryLog(wallet.activity)) trimEntries(ctx, wallet);
  else trimPairs(ctx, wallet);
}

function trimPairs(ctx: ModelContext, wallet: WalletRecord): void {
  const log = wallet.activity;
  const entries = log.length / 2;
  if (entries <= ctx.options.maxActivity && entries % 16 !== 0) return;
  let drop = 2 * Math.max(0, entries - ctx.options.maxActivity);
  while (drop < log.length && log[drop]! < ctx.clock.cutoff) drop += 2;
  if (drop === 0) return;
  // Past retention no wallet screens an event again (every reader stops at the cutoff), so
  // its envelope goes too; one dropped over the count may still be another wallet's.
  for (let i = 0; i < drop && log[i]! < ctx.clock.cutoff; i += 2)
    ctx.state.delete(keys.event(log[i + 1]!));
  log.splice(0, drop);
}

/** `trimPairs` for a log of entries: an event the archive reads again has nothing to delete. */
function trimEntries(ctx: ModelContext, wallet: WalletRecord): void {
  const log = wallet.activity;
  if (log.length <= ctx.options.maxActivity && log.length % 16 !== 0) return;
  const cutoff = cutoffMs(ctx.clock.cutoff);
  let drop = Math.max(0, log.length - ctx.options.maxActivity);
  while (drop < log.length && entryTime(log[drop]!) < cutoff) drop++;
  if (drop === 0) return;
  for (let i = 0; i < drop && entryTime(log[i]!) < cutoff; i++) {
    const id = entryHeldId(log[i]!);
    if (id !== undefined) ctx.state.delete(keys.event(id));
  }
  log.splice(0, drop);
}

/**
 * The retained events of a wallet at or after `cutoff` (all of them without one), oldest
 * first, as `retainedEnvelope` (a rule's `pastEvent`) takes them: event ids, or in an
 * engine with an archive the log's entries.
 */
export function eventsOf(wallet: WalletRecord, cutoff = ''): string[] {
  const out: string[] = [];
  const log = wallet.activity;
  if (isEntryLog(log)) {
    const ms = cutoffMs(cutoff);
    for (const entry of log) if (entryTime(entry) >= ms) out.push(entry);
    return out;
  }
  for (let i = 0; i < log.length; i += 2) if (log[i]! >= cutoff) out.push(log[i + 1]!);
  return out;
}

/**
 * The retained events of a wallet from `from` to `to` (event times, both included), oldest
 * first, named as `eventsOf` names them. Times are read from the log: nothing is unpacked.
 */
export function eventsBetween(wallet: WalletRecord, from: string, to: string): string[] {
  const out: string[] = [];
  const log = wallet.activity;
  if (isEntryLog(log)) {
    const [lo, hi] = [eventTimeMs(from), eventTimeMs(to)];
    for (const entry of log) {
      const t = entryTime(entry);
      if (t >= lo && t <= hi) out.push(entry);
    }
    return out;
  }
  for (let i = 0; i < log.length; i += 2)
    if (log[i]! >= from && log[i]! <= to) out.push(log[i + 1]!);
  return out;
}

/** The retained events of a wallet still inside retention (as `eventsOf`). */
export function retained(ctx: ModelContext, wallet: WalletRecord): string[] {
  return eventsOf(wallet, ctx.clock.cutoff);
}

/** Removes an event from a wallet's lookback log (a retracted transfer). */
export function forget(ctx: ModelContext, wallet: WalletRecord, eventId: string): void {
  const log = wallet.activity;
  let kept: string[];
  if (isEntryLog(log)) {
    // An entry names a place, not the id: read the event there (retractions are rare).
    kept = log.filter((entry) => (entryHeldId(entry) ?? placedId(ctx, entry)) !== eventId);
  } else {
    kept = [];
    for (let i = 0; i < log.length; i += 2)
      if (log[i + 1] !== eventId) kept.push(log[i]!, log[i + 1]!);
  }
  wallet.activity = kept.length === 0 ? EMPTY : kept;
}

function placedId(ctx: ModelContext, entry: string): string | undefined {
  const place = entryPlace(entry);
  return place === undefined ? undefined : ctx.archive?.read(place).id;
}

/** The envelope of a retained event, kept packed or (a shape the codec does not know) whole. */
export function pastEnvelope(state: EngineState, eventId: string): Envelope | undefined {
  const value = state.get<string | Envelope>(keys.event(eventId));
  return typeof value === 'string' ? unpackEvent(value) : value;
}

/**
 * The envelope of a retained event as `eventsOf` names it, read from the archive or the
 * state (undefined once past retention).
 */
export function retainedEnvelope(ctx: ModelContext, eventId: string): Envelope | undefined {
  if (!ctx.archive) return pastEnvelope(ctx.state, eventId);
  // With an archive, the name is a log entry.
  const place = entryPlace(eventId);
  if (place !== undefined) return ctx.archive.read(place);
  const id = entryHeldId(eventId);
  return id === undefined ? undefined : pastEnvelope(ctx.state, id);
}
