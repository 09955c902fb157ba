import type { AlertCache } from './alert-cache.ts';
import type { ApiDeps } from './deps.ts';
import type { ApiMetrics } from './metrics.ts';

/** What every route plugin receives: the dependencies, the alert cache and the metrics. */
export interface ApiContext {
  readonly deps: ApiDeps;
  readonly cache: AlertCache;
  readonly metrics: ApiMetrics;
  readonly now: () => Date;
  /** Cache age at which a read route reloads first (the refresh interval). */
  readonly maxAgeMs: number;
}

/** Options of every route plugin. */
export interface RouteOptions {
  readonly ctx: ApiContext;
}
