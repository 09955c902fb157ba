import type { Envelope } from '../../contract/index.ts';
import type { NormalizedEvent, WalletParty } from '../../normalize/index.ts';
import type { EngineState } from '../state/engine-state.ts';
import { packEvent, unpackEvent } from '../state/event-codec.ts';
import { keys } from '../state/keys.ts';
import type { DerivedTag, WalletRecord } from '../state/records.ts';
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
  const id = event.envelope.id;
  logEvent(wallet, event.at, id);
  retain(ctx, id, event);
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
  const id = event.envelope.id;
  logEvent(from, event.at, id);
  retain(ctx, id, event);
  trim(ctx, from);
  if (to.key === from.key) return;
  logEvent(to, event.at, id);
  trim(ctx, to);
}

/** Appends one event to a wallet's lookback log (a first entry gets a list of its own). */
function logEvent(wallet: WalletRecord, at: string, id: string): void {
  if (wallet.activity.length === 0) wallet.activity = [at, id];
  else wallet.activity.push(at, id);
}

/**
 * Notes where the archive can read the event again, or else stores its envelope in the
 * state (packed when the codec knows its shape). Only an event applied for the first time
 * gets here (a payout once per id and type, a transfer once unless retracted), so the key
 * is not looked up first: a write over the same envelope changes nothing, and the lookup,
 * a miss in one of the largest tables, cost more than the rest of the write.
 */
function retain(ctx: ModelContext, id: string, event: NormalizedEvent): void {
  if (ctx.archive?.keep(event)) return;
  ctx.state.put(keys.event(id), packEvent(event.envelope) ?? event.envelope);
}

/** Drops a wallet's log entries over the count or past retention (checked every 16 appends). */
function trim(ctx: ModelContext, wallet: WalletRecord): void {
  const log = wallet.activity;
  const entries = log.length / 2;
  if (entries <= ctx.options.maxActivity && entries % 16 !== 0) return;
  let drop = 2 * Math.max(0, entries - ctx.options.maxActivity);
  while (drop < log.length && log[drop]! < ctx.clock.cutoff) drop += 2;
  if (drop === 0) return;
  // Past retention no wallet screens an event again (every reader stops at the cutoff), so
  // its envelope goes too; one dropped over the count may still be another wallet's.
  for (let i = 0; i < drop && log[i]! < ctx.clock.cutoff; i += 2)
    if (!ctx.archive?.drop(log[i + 1]!)) ctx.state.delete(keys.event(log[i + 1]!));
  log.splice(0, drop);
}

/** Ids of a wallet's retained events at or after `cutoff` (all of them without one), oldest first. */
export function eventsOf(wallet: WalletRecord, cutoff = ''): string[] {
  const out: string[] = [];
  const log = wallet.activity;
  for (let i = 0; i < log.length; i += 2) if (log[i]! >= cutoff) out.push(log[i + 1]!);
  return out;
}

/** Ids of the retained events of a wallet still inside retention. */
export function retained(ctx: ModelContext, wallet: WalletRecord): string[] {
  return eventsOf(wallet, ctx.clock.cutoff);
}

/** Removes an event from a wallet's lookback log (a retracted transfer). */
export function forget(wallet: WalletRecord, eventId: string): void {
  const log = wallet.activity;
  const kept: string[] = [];
  for (let i = 0; i < log.length; i += 2)
    if (log[i + 1] !== eventId) kept.push(log[i]!, log[i + 1]!);
  wallet.activity = kept.length === 0 ? EMPTY : kept;
}

/** The envelope of a retained event, kept packed or (a shape the codec does not know) whole. */
export function pastEnvelope(state: EngineState, eventId: string): Envelope | undefined {
  const value = state.get<string | Envelope>(keys.event(eventId));
  return typeof value === 'string' ? unpackEvent(value) : value;
}

/** The envelope of a retained event, from the archive or the state (undefined once past retention). */
export function retainedEnvelope(ctx: ModelContext, eventId: string): Envelope | undefined {
  return ctx.archive?.read(eventId) ?? pastEnvelope(ctx.state, eventId);
}
