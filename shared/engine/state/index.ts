export { ChangelogEngineState, type StateChange } from './changelog-engine-state.ts';
export type { EngineState } from './engine-state.ts';
export { keys } from './keys.ts';
export { MemoryEngineState } from './memory-engine-state.ts';
export type * from './records.ts';
