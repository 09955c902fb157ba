import { Redis } from 'ioredis';
import { FlowsentryError } from '../errors.ts';
import type { ListsConfig } from './config.ts';
import type { ListRepository } from './list-repository.ts';
import { FileListRepository } from './repo-file.ts';
import { RedisListRepository } from './repo-redis.ts';

/** Opens the repository the configuration names: files under FLOWSENTRY_HOME, or Redis. */
export async function openListRepository(
  config: ListsConfig,
  useRedis = config.store === 'redis',
): Promise<ListRepository> {
  if (!useRedis) return new FileListRepository(config.home);
  // A command-line run should fail fast with one line, not retry forever in the background.
  const redis = new Redis(config.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  redis.on('error', () => {
    // Reported by connect() below or by the failing command; the event only needs a listener.
  });
  try {
    await redis.connect();
  } catch (e) {
    redis.disconnect();
    const why = (e as Error).message;
    throw new FlowsentryError(
      'REDIS_UNAVAILABLE',
      `cannot reach Redis at ${config.redisUrl} (REDIS_URL): ${why}`,
      true,
    );
  }
  return new RedisListRepository(redis, { prefix: config.redisPrefix, ownsConnection: true });
}
