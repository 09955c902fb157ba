export { compareEvents } from './event-order.ts';
export { eventTimeMs } from './event-time.ts';
export {
  type NormalizedEvent,
  normalizeEvent,
  normalizeRereadable,
  type WalletParty,
  type WalletRole,
} from './normalize-event.ts';
export { ipSpelling, respellProfile } from './profile.ts';
