import { BullmqAlertSink, MemoryAlertSink } from '../../shared/ports/alert-sink/index.ts';
import { unique } from '../helpers/fixtures.ts';
import { alertSinkContract } from './alert-sink.contract.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

alertSinkContract('in-memory', () => new MemoryAlertSink());
// Real Redis through BullMQ; each run gets its own queue name.
alertSinkContract(
  'bullmq',
  () => new BullmqAlertSink({ redisUrl: REDIS_URL, queueName: unique('alerts') }),
);
