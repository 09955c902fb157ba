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
export {
  type DeliveryAttempt,
  type DeliveryLog,
  MemoryDeliveryLog,
  RedisDeliveryLog,
} from './webhook/delivery-log.ts';
export { SIGNATURE_HEADER, signBody, verifySignature } from './webhook/signature.ts';
export { WebhookDispatcher, type WebhookOptions } from './webhook/webhook-dispatcher.ts';
