export {
  ChangelogEngineState,
  type ChangelogStateOptions,
  type PageIndex,
  type StateChange,
} from './changelog-engine-state.ts';
export type { EngineState } from './engine-state.ts';
export { FileRestingStore, type FileRestingStoreOptions } from './file-resting-store.ts';
export { keys } from './keys.ts';
export { MemoryEngineState, type MemoryStateOptions } from './memory-engine-state.ts';
export { decodeRecord, encodeRecord } from './record-codec.ts';
export type * from './records.ts';
export {
  KeyTags,
  MapRestingStore,
  type RestingStore,
  type TaggedRestingStore,
} from './resting-store.ts';
