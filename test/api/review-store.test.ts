import { afterAll } from 'vitest';
import { MemoryReviewStore, RedisReviewStore } from '../../shared/ports/review-store/index.ts';
import { unique } from '../helpers/fixtures.ts';
import { reviewStoreContract } from './review-store.contract.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

reviewStoreContract('in-memory', () => new MemoryReviewStore());

// Real Redis; each run its own queue name, and its keys are deleted afterwards.
const queueName = unique('review');
const cleaner = new RedisReviewStore({ redisUrl: REDIS_URL, queueName });
afterAll(async () => {
  await cleaner.clear();
  await cleaner.close();
});
reviewStoreContract('redis', () => new RedisReviewStore({ redisUrl: REDIS_URL, queueName }));
