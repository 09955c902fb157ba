import type { IncomingRecord, OutgoingRecord } from '../ports/event-log/index.ts';

/** Header names on a dead-lettered record; the value keeps the original bytes untouched. */
export const DLQ_HEADERS = {
  reason: 'flowsentry-reason',
  code: 'flowsentry-code',
  topic: 'flowsentry-topic',
  partition: 'flowsentry-partition',
  offset: 'flowsentry-offset',
  failedAt: 'flowsentry-failed-at',
} as const;

/** Wraps a record that cannot be processed: original key, bytes and headers, plus why. */
export function deadLetter(record: IncomingRecord, code: string, reason: string): OutgoingRecord {
  return {
    key: record.key?.toString('utf8') ?? null,
    value: record.value ?? Buffer.alloc(0),
    headers: {
      ...record.headers,
      [DLQ_HEADERS.reason]: reason,
      [DLQ_HEADERS.code]: code,
      [DLQ_HEADERS.topic]: record.topic,
      [DLQ_HEADERS.partition]: String(record.partition),
      [DLQ_HEADERS.offset]: record.offset,
      [DLQ_HEADERS.failedAt]: new Date().toISOString(),
    },
  };
}
