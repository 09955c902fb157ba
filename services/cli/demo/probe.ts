import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';

/** Whether the streaming pieces answer, and if not, why (for one line on the terminal). */
export interface ProbeResult {
  readonly kafka: true | string;
  readonly redis: true | string;
}

/** Connects to a broker once, no retry: a quick yes or no, not a client for real work. */
export async function probeKafka(
  brokers: readonly string[],
  timeoutMs = 1_000,
): Promise<true | string> {
  const kafka = new Kafka({
    brokers: [...brokers],
    clientId: 'flowsentry-probe',
    logLevel: logLevel.NOTHING,
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch (error) {
    return `Kafka at ${brokers.join(',')} does not answer (${(error as Error).message})`;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/** Connects to Redis once and pings it, no retry. */
export async function probeRedis(url: string, timeoutMs = 1_000): Promise<true | string> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  redis.on('error', () => {
    // connect() below reports the failure; the event only needs a listener.
  });
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch (error) {
    return `Redis at ${url} does not answer (${(error as Error).message})`;
  } finally {
    redis.disconnect();
  }
}

/** Probes Kafka and Redis at once (about a second at worst). */
export async function probeStreaming(
  brokers: readonly string[],
  redisUrl: string,
): Promise<ProbeResult> {
  const [kafka, redis] = await Promise.all([probeKafka(brokers), probeRedis(redisUrl)]);
  return { kafka, redis };
}
