import { normalizeAddress } from '../../shared/address/index.ts';
import type { TagHit, TagIndex } from '../../shared/lists/tag-index.ts';
import type { ScreenedPayout, ScreeningRecord } from '../../shared/ports/review-store/index.ts';
import type { AlertCache } from './alert-cache.ts';
import type { AlertView } from './alert-view.ts';

/** A payout a platform is about to send. */
export type PayoutRequest = ScreenedPayout;

/** Why screening answered as it did; `ref` names the alert or list entry behind it. */
export interface ScreenReason {
  readonly code:
    | 'sanctions-list'
    | 'listed-wallet'
    | 'open-alert-wallet'
    | 'open-alert-worker'
    | 'confirmed-alert';
  readonly message: string;
  readonly ref?: string;
}

/** The screening answer. */
export interface ScreenDecision {
  readonly decision: ScreeningRecord['decision'];
  readonly reasons: ScreenReason[];
  readonly listVersions: string[];
}

/** List categories that send a payout to review (sanctions blocks; exchanges and `other` are informational). */
const REVIEW_CATEGORIES = new Set(['extortion', 'ransomware', 'scam', 'mixer', 'collector']);
const MAX_ALERT_REASONS = 10;

function listReason(hit: TagHit, code: ScreenReason['code']): ScreenReason {
  const e = hit.entry;
  const programs = e.programs.length > 0 ? `; programs ${e.programs.join(', ')}` : '';
  return {
    code,
    message: `wallet is listed as ${e.category} by ${e.source}: ${e.name} (entry ${e.entryId}${programs}) in ${hit.version.id}`,
    ref: `${hit.version.id}/${e.entryId}`,
  };
}

function alertReasons(views: readonly AlertView[], on: 'wallet' | 'worker'): ScreenReason[] {
  return views.slice(0, MAX_ALERT_REASONS).map((v) => {
    const confirmed = v.status === 'closed';
    return {
      code: confirmed
        ? 'confirmed-alert'
        : on === 'wallet'
          ? 'open-alert-wallet'
          : 'open-alert-worker',
      message: `${confirmed ? 'confirmed' : v.status.replace('_', ' ')} ${v.severity} alert on this ${on}: ${v.title}`,
      ref: v.id,
    };
  });
}

/** Open alerts, plus alerts closed as true positives: a confirmed finding still needs eyes. */
function relevant(views: readonly AlertView[]): AlertView[] {
  return views.filter(
    (v) =>
      v.suppressed === null &&
      (v.status !== 'closed' || v.disposition?.outcome === 'true_positive'),
  );
}

/**
 * Block when a sanctions list names the wallet; review when another risky list names it, or
 * when open (or confirmed) alerts concern the wallet or the worker; allow otherwise.
 * Throws InvalidAddressError for an address that is not valid on its chain.
 */
export function decide(request: PayoutRequest, tags: TagIndex, cache: AlertCache): ScreenDecision {
  const key = normalizeAddress(request.chain, request.address).key;
  const hits = tags.lookup(key);
  const sanctions = hits.filter((h) => h.entry.category === 'sanctions');
  const risky = hits.filter((h) => REVIEW_CATEGORIES.has(h.entry.category));
  const walletAlerts = relevant(cache.forWallet(key));
  const seen = new Set(walletAlerts.map((v) => v.id));
  const workerAlerts = relevant(cache.forWorker(request.workerId)).filter((v) => !seen.has(v.id));
  const reasons = [
    ...sanctions.map((h) => listReason(h, 'sanctions-list')),
    ...risky.map((h) => listReason(h, 'listed-wallet')),
    ...alertReasons(walletAlerts, 'wallet'),
    ...alertReasons(workerAlerts, 'worker'),
  ];
  const decision = sanctions.length > 0 ? 'block' : reasons.length > 0 ? 'review' : 'allow';
  // Every active version, not only those that matched: the record shows what was screened against.
  return { decision, reasons, listVersions: tags.versions.map((v) => v.id) };
}
