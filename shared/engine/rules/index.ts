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

/** Every rule definition, in the order the engine runs them (direct hits first). */
export const RULE_DEFINITIONS = [
  sanctionedCounterparty.definition,
  sanctionedExposure.definition,
  extortionWallet.definition,
  extortionContact.definition,
  sharedPayoutWallet.definition,
  consolidation.definition,
  identityMatch.definition,
  sharedDevice.definition,
  geoMismatch.definition,
  payoutWalletChange.definition,
] as const;

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
