// The public surface of shared/lists: loading, versions and their repositories, diffs, screening.
export { type ListsConfig, listsConfig, OFAC_SDN_ADVANCED_URL } from './config.ts';
export { chainFor, listedAddress } from './currency.ts';
export { detectFormat } from './detect.ts';
export {
  type AddressChange,
  type ChangedEntry,
  diffSnapshots,
  type EntryRef,
  type SnapshotDiff,
} from './diff.ts';
export {
  ListFormatError,
  ListLimitError,
  ListSyncError,
  ListVersionNotFoundError,
  NoListsError,
} from './errors.ts';
export {
  DEFAULT_LIST_LIMITS,
  LIST_LIMIT_VARIABLES,
  type ListLimits,
  listLimits,
} from './limits.ts';
export type { ListRepository, SaveOptions } from './list-repository.ts';
export { defaultSource, type LoadOptions, loadListFile, loadListFiles } from './load.ts';
export type { ListFormat } from './loaders/loader.ts';
export { OFAC_SOURCE } from './loaders/ofac-advanced.ts';
export { openListRepository } from './open-repository.ts';
export { FileListRepository } from './repo-file.ts';
export { ListKeys } from './repo-keys.ts';
export { MemoryListRepository } from './repo-memory.ts';
export { RedisListRepository, type RedisListRepositoryOptions } from './repo-redis.ts';
export { checkText, diffText, statsText, versionLine } from './report.ts';
export { AddressScreen, type CheckMatch, type CheckResult } from './screen.ts';
export { type ListStats, listStats } from './stats.ts';
export { type SyncOptions, type SyncResult, syncOfac } from './sync.ts';
export { type TagHit, TagIndex } from './tag-index.ts';
export { RepositoryTagProvider } from './tag-provider.ts';
export type {
  EntryCategory,
  ListEntry,
  ListedAddress,
  ListSnapshot,
  ListVersion,
} from './types.ts';
export { buildSnapshot, versionId } from './version.ts';
