export { envelope, eventId } from './build.ts';
export { type Envelope, EnvelopeHeader, envelopeSchemaFor, SCHEMA_VERSION } from './envelope.ts';
export {
  EVENT_DATA,
  type EventData,
  type EventType,
  type ExtortionReport,
  type PayoutData,
  type TransferData,
  type WorkerProfile,
} from './events.ts';
export {
  CONTRACT_LIMIT_VARIABLES,
  type ContractLimits,
  contractLimits,
  DEFAULT_CONTRACT_LIMITS,
} from './limits.ts';
export { type DecodeOptions, decodeEvent, isEventType, parseEvent } from './parse.ts';
export { TOPIC_EVENT_TYPES, type TopicRole, topicMayCarry } from './topics.ts';
