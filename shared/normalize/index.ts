export {
  type NormalizedEvent,
  normalizeEvent,
  type WalletParty,
  type WalletRole,
} from './normalize-event.ts';
export { compareEvents } from './event-order.ts';
