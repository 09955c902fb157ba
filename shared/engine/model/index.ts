export type { EventArchive } from './archive.ts';
export {
  CONTACT_KINDS,
  PLACE_KINDS,
  type ProfileAttr,
  profileAttrs,
  reportContacts,
} from './attributes.ts';
export type { Clock, ModelContext, ModelOptions } from './context.ts';
export type * from './facts.ts';
export { feederWorkers } from './forwarding.ts';
export { observe } from './observe.ts';
export { readFacts } from './read-facts.ts';
export { assetClass } from './taint.ts';
export { eventsOf, retained, walletOf } from './wallets.ts';
export { nameKeysOf, workersNamed } from './workers.ts';
