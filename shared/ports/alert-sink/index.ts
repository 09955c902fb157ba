export * from './alert-sink.ts';
export { BullmqAlertSink, type BullmqAlertSinkOptions } from './bullmq-alert-sink.ts';
export { MemoryAlertSink } from './memory-alert-sink.ts';
