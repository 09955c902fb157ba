import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { ListVersionNotFoundError } from './errors.ts';
import { byLoadedAtDesc, type ListRepository, type SaveOptions } from './list-repository.ts';
import { ListKeys } from './repo-keys.ts';
import type { ListSnapshot, ListVersion } from './types.ts';

const lua = (name: string) => readFileSync(new URL(`./lua/${name}`, import.meta.url), 'utf8');
const SAVE_VERSION = lua('saveVersion-3.lua');
const ACTIVATE_VERSION = lua('activateVersion-2.lua');

/** Options of the Redis repository. */
export interface RedisListRepositoryOptions {
  /** Key prefix shared by every key of this deployment (default `flowsentry`). */
  readonly prefix?: string;
  /** Close the connection on close() (default false: the caller owns it). */
  readonly ownsConnection?: boolean;
}

/**
 * Streaming-mode ListRepository on Redis: one string key per version, a hash of version
 * metadata, and a hash of active pointers switched by a Lua script (lua/saveVersion-3.lua).
 */
export class RedisListRepository implements ListRepository {
  readonly keys: ListKeys;
  private readonly ownsConnection: boolean;

  constructor(
    private readonly redis: Redis,
    options: RedisListRepositoryOptions = {},
  ) {
    this.keys = new ListKeys(options.prefix ?? 'flowsentry');
    this.ownsConnection = options.ownsConnection ?? false;
  }

  async save(snapshot: ListSnapshot, options: SaveOptions = {}): Promise<void> {
    const v = snapshot.version;
    const k = this.keys;
    await this.redis.eval(
      SAVE_VERSION,
      3,
      k.version(v.id),
      k.versions,
      k.active,
      v.id,
      v.source,
      JSON.stringify(snapshot),
      JSON.stringify(v),
      options.activate === false ? '0' : '1',
      k.activated,
    );
  }

  async active(): Promise<ListSnapshot[]> {
    const ids = Object.values(await this.activeVersionIds());
    if (ids.length === 0) return [];
    // The pointers were read in one step and versions never change once stored: the set is consistent.
    const texts = await this.redis.mget(ids.map((id) => this.keys.version(id)));
    return texts.map((text, i) => {
      if (text === null) throw new ListVersionNotFoundError(ids[i]!);
      return JSON.parse(text) as ListSnapshot;
    });
  }

  async versions(): Promise<ListVersion[]> {
    const all = await this.redis.hvals(this.keys.versions);
    return all.map((text) => JSON.parse(text) as ListVersion).sort(byLoadedAtDesc);
  }

  async get(id: string): Promise<ListSnapshot> {
    const text = await this.redis.get(this.keys.version(id));
    if (text === null) throw new ListVersionNotFoundError(id);
    return JSON.parse(text) as ListSnapshot;
  }

  async activeVersionIds(): Promise<Record<string, string>> {
    return this.redis.hgetall(this.keys.active);
  }

  async activate(id: string): Promise<void> {
    const k = this.keys;
    const switched = await this.redis.eval(
      ACTIVATE_VERSION,
      2,
      k.versions,
      k.active,
      id,
      k.activated,
    );
    if (switched !== 1) throw new ListVersionNotFoundError(id);
  }

  async close(): Promise<void> {
    if (this.ownsConnection) await this.redis.quit();
  }
}
