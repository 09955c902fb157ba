import { MemoryStateStore, RedisStateStore } from '../../shared/ports/state-store/index.ts';
import { unique } from '../helpers/fixtures.ts';
import { stateStoreContract } from './state-store.contract.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

stateStoreContract('in-memory', () => new MemoryStateStore());
// Real Redis; every run has its own key prefix.
stateStoreContract('redis', () => new RedisStateStore(REDIS_URL, `${unique('fs-test')}:`));
