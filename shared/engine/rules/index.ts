import type { TObject } from '@sinclair/typebox';
import { RULE_IDS, type RuleId } from '../alert.ts';
import type { RuleDefinition } from '../rule.ts';
import * as consolidation from './consolidation.ts';
import * as extortionContact from './extortion-contact.ts';
import * as extortionWallet from './extortion-wallet.ts';
import * as geoMismatch from './geo-mismatch.ts';
import * as identityMatch from './identity-match.ts';
import * as payoutWalletChange from './payout-wallet-change.ts';
import * as sanctionedCounterparty from './sanctioned-counterparty.ts';
import * as sanctionedExposure from './sanctioned-exposure.ts';
import * as sharedDevice from './shared-device.ts';
import * as sharedPayoutWallet from './shared-payout-wallet.ts';

/**
 * Every rule's definition by its id. The ids themselves are RULE_IDS (the contract, in
 * alert.ts): the `satisfies` makes a missing, extra or misspelt key a type error, and
 * everything else (the rules file's sections, the engine's rules, the API) is derived.
 */
export const RULES = {
  'sanctioned-counterparty': sanctionedCounterparty.definition,
  'sanctioned-exposure': sanctionedExposure.definition,
  'extortion-wallet': extortionWallet.definition,
  'extortion-contact': extortionContact.definition,
  'shared-payout-wallet': sharedPayoutWallet.definition,
  consolidation: consolidation.definition,
  'identity-match': identityMatch.definition,
  'shared-device': sharedDevice.definition,
  'geo-mismatch': geoMismatch.definition,
  'payout-wallet-change': payoutWalletChange.definition,
} as const satisfies { readonly [K in RuleId]: RuleDefinition<TObject> };

/** Every rule definition, in the order the engine runs them (RULE_IDS order: direct hits first). */
export const RULE_DEFINITIONS: readonly RuleDefinition<TObject>[] = RULE_IDS.map((id) => RULES[id]);

export {
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
};
