export {
  observedId,
  retractedId,
  transferIdentity,
  transferKey,
  WATCHER_SOURCE,
} from '../../shared/chain/events.ts';
export type { BackfillRequest, BackfillResult } from './backfill.ts';
export type {
  BlockHeader,
  ChainLog,
  ChainSource,
  LogQuery,
  TxOutcome,
  ValueBlock,
  ValueTransaction,
} from './chain-source.ts';
export { type Cursor, CursorCorruptError, CursorStore, type WindowEntry } from './cursor.ts';
export {
  CallRevertedError,
  ChainIdMismatchError,
  ChainNotFollowedError,
  InconsistentReadError,
  RangeTooLargeError,
  RpcError,
  RpcMethodUnsupportedError,
  RpcRateLimitedError,
  RpcUnavailableError,
} from './errors.ts';
export { EthersChainSource, type EthersSourceOptions } from './ethers/ethers-source.ts';
export type { RpcClientOptions, UrlCheck } from './ethers/rpc-client.ts';
export { ChainFollower, type FollowerOptions } from './follower.ts';
export { type ChainCounters, ChainMetrics } from './metrics.ts';
export { nativeSymbol } from './native.ts';
export { AdaptiveRange, type RangeOptions } from './range.ts';
export { BlockScanner, type ScanResult, scanAdaptive } from './scanner.ts';
export { TokenRegistry } from './token-registry.ts';
export { formatAmount, type TokenInfo, TRANSFER_TOPIC } from './transfers.ts';
export { type ChainPlan, ChainWatcher, type WatcherOptions } from './watcher.ts';
