export { MemoryStateStore } from './memory-state-store.ts';
export { RedisStateStore } from './redis-state-store.ts';
export type { StateStore } from './state-store.ts';
