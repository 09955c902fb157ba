export {
  type DeliveryAttempt,
  type DeliveryLog,
  MemoryDeliveryLog,
  RedisDeliveryLog,
} from './delivery-log.ts';
export { ReviewKeys } from './keys.ts';
export { accepts, auditEntry, transition } from './lifecycle.ts';
export { MemoryReviewStore } from './memory-review-store.ts';
export { RedisReviewStore, type RedisReviewStoreOptions } from './redis-review-store.ts';
export { isActive, type ReviewResult, type ReviewStore } from './review-store.ts';
export {
  SuppressionMatcher,
  subjectKeyOf,
  UNSUPPRESSIBLE_RULES,
  walletKey,
} from './suppression.ts';
export * from './types.ts';
