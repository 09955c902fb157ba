import type { EngineConfig } from './config/schema.ts';
import type { ModelOptions } from './model/context.ts';
import type { Rule } from './rule.ts';
import {
  consolidation,
  extortionContact,
  extortionWallet,
  geoMismatch,
  identityMatch,
  payoutWalletChange,
  sanctionedCounterparty,
  sanctionedExposure,
  sharedDevice,
  sharedPayoutWallet,
} from './rules/index.ts';

const HOUR = 3_600_000;

/** Every rule, configured by its section of the rules file, in run order (direct hits first). */
export function rulesFrom(config: EngineConfig): Rule[] {
  const r = config.rules;
  return [
    sanctionedCounterparty.definition.create(r['sanctioned-counterparty']),
    sanctionedExposure.definition.create(r['sanctioned-exposure']),
    extortionWallet.definition.create(r['extortion-wallet']),
    extortionContact.definition.create(r['extortion-contact']),
    sharedPayoutWallet.definition.create(r['shared-payout-wallet']),
    consolidation.definition.create(r.consolidation),
    identityMatch.definition.create(r['identity-match']),
    sharedDevice.definition.create(r['shared-device']),
    geoMismatch.definition.create(r['geo-mismatch']),
    payoutWalletChange.definition.create(r['payout-wallet-change']),
  ];
}

/** The model's knobs: the graph follows the exposure rule's settings, forwarding the consolidation rule's. */
export function modelOptionsFrom(config: EngineConfig): ModelOptions {
  const exposure = config.rules['sanctioned-exposure'];
  const forwarding = config.rules.consolidation;
  return {
    retentionMs: config.retentionDays * 24 * HOUR,
    maxActivity: config.maxActivityPerWallet,
    maxHops: exposure.maxHops,
    minTrackShare: exposure.minTrackShare,
    maxOrigins: exposure.maxOrigins,
    forwardWindowMs: forwarding.windowHours * HOUR,
    forwardMinShare: forwarding.minShare,
    minFeeders: forwarding.minFeeders,
    notCollectors: forwarding.notCollectors,
  };
}
