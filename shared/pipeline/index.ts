export { DLQ_HEADERS, deadLetter } from './dead-letter.ts';
export {
  type BatchDeps,
  type BatchOutcome,
  decodeRecords,
  screenBatch,
  screenDecoded,
} from './screen-batch.ts';
