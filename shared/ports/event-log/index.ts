export * from './event-log.ts';
export { KafkaEventLog, type KafkaEventLogOptions } from './kafka-event-log.ts';
export { createTopicsWithLeaders } from './kafka-topics.ts';
export { MemoryEventLog } from './memory-event-log.ts';
