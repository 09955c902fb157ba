import type { ListSnapshot, ListVersion } from './types.ts';

/** Options of a save. */
export interface SaveOptions {
  /** Make the version the active one of its source (default true). */
  readonly activate?: boolean;
}

/**
 * Where list versions live (the port). Every load is a version; each source has one active
 * version, and switching it is atomic: a reader sees the old list or the new one, never half.
 */
export interface ListRepository {
  /** Stores a version and, unless told not to, makes it the active one of its source in one step. */
  save(snapshot: ListSnapshot, options?: SaveOptions): Promise<void>;
  /** The active version of every source, whole. */
  active(): Promise<ListSnapshot[]>;
  /** Every stored version, most recently loaded first. */
  versions(): Promise<ListVersion[]>;
  /** One stored version; throws ListVersionNotFoundError. */
  get(id: string): Promise<ListSnapshot>;
  /** The active version id of each source. */
  activeVersionIds(): Promise<Record<string, string>>;
  /** Makes a stored version the active one of its source again (a rollback). */
  activate(id: string): Promise<void>;
  /** Releases connections or handles. */
  close(): Promise<void>;
}

/** Newest load first, then by id, so listings are stable. */
export function byLoadedAtDesc(a: ListVersion, b: ListVersion): number {
  return b.loadedAt.localeCompare(a.loadedAt) || a.id.localeCompare(b.id);
}
