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
export { decodeEvent, isEventType, parseEvent } from './parse.ts';
