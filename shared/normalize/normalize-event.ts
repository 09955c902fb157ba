import { InvalidAddressError, normalizeAddress } from '../address/index.ts';
import type { Envelope } from '../contract/index.ts';
import { InvalidEventError } from '../errors.ts';
import { utcTime } from './event-time.ts';
import { respellProfile } from './profile.ts';
import { addressText, chainName } from './wallet-spelling.ts';

/** The role a wallet plays in an event. */
export type WalletRole = 'to' | 'from' | 'payout-wallet' | 'reported';

/** A wallet named by an event, normalized to its match key. */
export interface WalletParty {
  readonly role: WalletRole;
  readonly chain: string;
  readonly key: string;
  /** Canonical display form. */
  readonly address: string;
}

/** A validated event with its wallets normalized: what the engine consumes. */
export interface NormalizedEvent {
  readonly envelope: Envelope;
  /** occurredAt as UTC ISO, so event times compare as strings. */
  readonly at: string;
  readonly wallets: readonly WalletParty[];
  /**
   * Where the event can be read again (embedded mode: an input file and the byte offset of
   * its line), so the engine need not keep a copy for lookback; absent when it cannot be.
   */
  readonly ref?: number;
}

/** Addresses normalized per chain, as given: payroll pays the same wallets again and again. */
const known = new Map<string, Map<string, { key: string; canonical: string }>>();
/** Addresses kept at most; the cache starts over past it (it only saves work). */
const KNOWN_LIMIT = 200_000;
let knownCount = 0;

/** normalizeAddress, remembered (one lookup by the address as given instead of checks and a hash). */
function normalized(chain: string, address: string): { key: string; canonical: string } {
  let byAddress = known.get(chain);
  const hit = byAddress?.get(address);
  if (hit) return hit;
  const n = normalizeAddress(chain, addressText(chain, address));
  if (knownCount >= KNOWN_LIMIT) {
    known.clear();
    knownCount = 0;
    byAddress = undefined;
  }
  if (!byAddress) {
    byAddress = new Map();
    known.set(chain, byAddress);
  }
  const kept = { key: n.key, canonical: n.canonical };
  byAddress.set(address, kept);
  knownCount++;
  return kept;
}

function party(role: WalletRole, given: string, address: string, field: string): WalletParty {
  const chain = chainName(given);
  try {
    const n = normalized(chain, address);
    return { role, chain, key: n.key, address: n.canonical };
  } catch (error) {
    if (error instanceof InvalidAddressError)
      throw new InvalidEventError(`${field}: ${error.message}`);
    throw error;
  }
}

function walletsOf(e: Envelope): WalletParty[] {
  switch (e.type) {
    case 'payout.requested':
    case 'payout.executed': {
      const out = [party('to', e.data.chain, e.data.toAddress, 'data.toAddress')];
      if (e.data.fromAddress)
        out.push(party('from', e.data.chain, e.data.fromAddress, 'data.fromAddress'));
      return out;
    }
    case 'transfer.observed':
    case 'transfer.retracted':
      return [
        party('from', e.data.chain, e.data.from, 'data.from'),
        party('to', e.data.chain, e.data.to, 'data.to'),
      ];
    case 'worker.upserted':
      return (e.data.payoutWallets ?? []).map((w, i) =>
        party('payout-wallet', w.chain, w.address, `data.payoutWallets.${i}.address`),
      );
    case 'extortion.reported':
      return e.data.addresses.map((w, i) =>
        party('reported', w.chain, w.address, `data.addresses.${i}.address`),
      );
  }
}

/** Normalizes the wallets and time of a validated event; a malformed address is an InvalidEventError. */
export function normalizeEvent(given: Envelope): NormalizedEvent {
  const envelope = respellProfile(given);
  return { envelope, at: utcTime(envelope.occurredAt), wallets: walletsOf(envelope) };
}

/** `normalizeEvent` for an event that can be read again at `ref` (see `NormalizedEvent.ref`). */
export function normalizeRereadable(given: Envelope, ref: number): NormalizedEvent {
  const envelope = respellProfile(given);
  return { envelope, at: utcTime(envelope.occurredAt), wallets: walletsOf(envelope), ref };
}
