import { addressKeyOrUndefined, guessChain } from '../../address/index.ts';
import { type Alert, keyPart } from '../../engine/alert.ts';
import { isActive } from './review-store.ts';
import type { Suppression } from './types.ts';

/**
 * Key of an address for matching across chains: the shared/address key, or the raw text.
 * No cache of its own: shared/address keeps the one EIP-55 checksum cache, which is what made
 * re-keying every wallet on each alert-cache reload expensive.
 */
export function walletKey(address: string, chain?: string): string {
  return addressKeyOrUndefined(chain ?? guessChain(address), address) ?? `raw:${address}`;
}

function subjectPart(alert: Pick<Alert, 'subject'>): string {
  const s = alert.subject;
  if (s.kind === 'wallet' && s.address) return `wallet:${walletKey(s.address, s.chain)}`;
  if (s.kind === 'worker' && s.workerId) return `worker:${keyPart(s.workerId)}`;
  if (s.kind === 'employer' && s.employerId) return `employer:${keyPart(s.employerId)}`;
  return `other:${keyPart(JSON.stringify(s))}`;
}

/**
 * What a suppression is about: the alert's wallet (by address key), worker or employer, and
 * the listed entries it matched. The entries are part of it so that clearing worker W's false
 * match against listed person A leaves W's match against person B standing.
 */
export function subjectKeyOf(alert: Pick<Alert, 'subject' | 'evidence'>): string {
  const entries = [
    ...new Set(
      alert.evidence.flatMap((e) =>
        e.kind === 'list-entry' ? [`${keyPart(e.source)}/${keyPart(e.entryId)}`] : [],
      ),
    ),
  ].sort();
  const subject = subjectPart(alert);
  return entries.length === 0 ? subject : `${subject}:entries:${entries.join(',')}`;
}

/**
 * Direct sanctions matches are never suppressed: a wrong match is fixed in the list, not by
 * hiding alerts, and screening blocks such a wallet whatever the queue says.
 */
export const UNSUPPRESSIBLE_RULES: ReadonlySet<string> = new Set(['sanctioned-counterparty']);

/** Active suppressions by `rule|subjectKey`, for matching many alerts at once. */
export class SuppressionMatcher {
  private readonly byKey = new Map<string, Suppression>();

  constructor(suppressions: readonly Suppression[], now: Date) {
    for (const s of suppressions)
      if (isActive(s, now)) this.byKey.set(`${s.rule}|${s.subjectKey}`, s);
  }

  /** The suppression that applies to this alert, if any. */
  match(alert: Pick<Alert, 'rule' | 'subject' | 'evidence'>): Suppression | null {
    return this.byKey.get(`${alert.rule}|${subjectKeyOf(alert)}`) ?? null;
  }
}
