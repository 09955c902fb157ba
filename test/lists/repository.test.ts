import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll } from 'vitest';
import {
  FileListRepository,
  MemoryListRepository,
  RedisListRepository,
} from '../../shared/lists/index.ts';
import { unique } from '../helpers/fixtures.ts';
import { listRepositoryContract } from './repository.contract.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefixes: string[] = [];

listRepositoryContract('memory', async () => new MemoryListRepository());
listRepositoryContract(
  'file',
  async () => new FileListRepository(mkdtempSync(join(tmpdir(), 'fs-repo-'))),
);
listRepositoryContract('redis', async () => {
  const prefix = unique('fs-lists-test');
  prefixes.push(prefix);
  return new RedisListRepository(new Redis(REDIS_URL), { prefix, ownsConnection: true });
});

afterAll(async () => {
  // Each run used its own prefixes: remove every key they made.
  const redis = new Redis(REDIS_URL);
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
  }
  await redis.quit();
});
