import type { Admin, ITopicConfig } from 'kafkajs';

/**
 * Error types a KRaft broker answers while a new topic's metadata is still spreading: the
 * controller has accepted the topic, but the broker that answers the metadata request has
 * not heard of it yet (UNKNOWN_TOPIC_OR_PARTITION) or has no leader for it yet.
 */
const NOT_YET_VISIBLE = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/**
 * Creates the topics and waits until every partition of each has a leader.
 *
 * kafkajs' own `waitForLeaders` gives up at the first UNKNOWN_TOPIC_OR_PARTITION, which a
 * KRaft broker answers for a moment after it created the topic ("This server does not host
 * this topic-partition"); it only waits through LEADER_NOT_AVAILABLE. So the wait is done
 * here, deciding on the error's type, never its text.
 */
export async function createTopicsWithLeaders(
  admin: Admin,
  topics: readonly ITopicConfig[],
  timeoutMs = 30_000,
): Promise<void> {
  if (topics.length === 0) return;
  await admin.createTopics({ waitForLeaders: false, topics: [...topics] });
  const names = topics.map((t) => t.topic);
  const deadline = Date.now() + timeoutMs;
  for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
    if (await haveLeaders(admin, names)) return;
    if (Date.now() > deadline) {
      throw new Error(`topics ${names.join(', ')} have no leader after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

async function haveLeaders(admin: Admin, topics: readonly string[]): Promise<boolean> {
  try {
    const { topics: found } = await admin.fetchTopicMetadata({ topics: [...topics] });
    return (
      found.length === topics.length &&
      found.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))
    );
  } catch (e) {
    if (notYetVisible(e)) return false;
    throw e;
  }
}

/** kafkajs throws the broker's error itself, or wraps it as the cause once retries ran out. */
function notYetVisible(e: unknown): boolean {
  const error = e as { type?: string; cause?: { type?: string } };
  return NOT_YET_VISIBLE.has(error.type ?? '') || NOT_YET_VISIBLE.has(error.cause?.type ?? '');
}
