import { decodeEvent, type Envelope } from '../../shared/contract/index.ts';
import { KafkaEventLog } from '../../shared/ports/event-log/index.ts';
import { RedisStateStore } from '../../shared/ports/state-store/index.ts';
import { unique } from '../helpers/fixtures.ts';

/** Brokers of the real Kafka that infra/up.sh starts. */
export const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
/** The Redis that infra/up.sh starts (or the machine's own). */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A record read back from Kafka, with its decoded (and contract-validated) envelope. */
export interface Tapped {
  readonly key: string;
  readonly raw: string;
  readonly event: Envelope<'transfer.observed' | 'transfer.retracted'>;
}

/** Reads everything published on a topic, from its start, into `records`. */
export async function tapTopic(
  topic: string,
): Promise<{ records: Tapped[]; stop(): Promise<void> }> {
  const log = new KafkaEventLog({ brokers: BROKERS, clientId: 'chain-test-tap' });
  await log.ensureTopics([topic], 3);
  const records: Tapped[] = [];
  const sub = log.subscribe({ groupId: unique('chain-tap'), topics: [topic], fromBeginning: true });
  await sub.start(async (batch) => {
    for (const r of batch) {
      const raw = r.value!.toString();
      const event = decodeEvent(raw) as Tapped['event'];
      records.push({ key: r.key!.toString(), raw, event });
    }
  });
  return {
    records,
    stop: async () => {
      await sub.stop();
      await log.close();
    },
  };
}

/** Waits until `check` holds, polling; fails naming `what` after the timeout. */
export async function eventually(
  check: () => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits a moment and checks nothing more arrives (a late duplicate would show here). */
export async function quietFor(records: readonly unknown[], ms = 1_000): Promise<void> {
  const before = records.length;
  await new Promise((r) => setTimeout(r, ms));
  if (records.length !== before) throw new Error(`${records.length - before} records arrived late`);
}

/** Environment for a watcher over an anvil node, isolated by topic and state namespace. */
export function watcherEnv(
  rpc: string,
  topic: string,
  start: number,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    KAFKA_BROKERS: BROKERS.join(','),
    REDIS_URL,
    FLOWSENTRY_RPC_LOCAL: rpc,
    FLOWSENTRY_TOPIC_TRANSFERS: topic,
    FLOWSENTRY_CONFIRMATIONS: '0',
    FLOWSENTRY_CHAIN_POLL_MS: '100',
    FLOWSENTRY_CHAIN_RATE_LIMIT: '0',
    FLOWSENTRY_CHAIN_START_LOCAL: String(start),
    FLOWSENTRY_CHAIN_NAMESPACE: `${unique('cw-test')}:`,
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

/** Deletes the state a test watcher left under its namespace (cursor, block memories, tokens). */
export async function clearState(env: Record<string, string>): Promise<void> {
  const store = new RedisStateStore(
    REDIS_URL,
    `flowsentry:state:${env.FLOWSENTRY_CHAIN_NAMESPACE}`,
  );
  await store.clear();
  await store.close();
}
