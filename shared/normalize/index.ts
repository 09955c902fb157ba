export {
  type NormalizedEvent,
  normalizeEvent,
  type WalletParty,
  type WalletRole,
} from './normalize-event.ts';
