// The public surface of embedded mode: read input files, screen them in one process.
export { InputFileError } from './errors.ts';
export { EVENT_FILE_LIMITS, type EventFileLimits } from './limits.ts';
export { type Output, openOutput, quietOnClosedPipe } from './output.ts';
export { COLUMN_NAMES, REQUIRED_FIELDS } from './payout-columns.ts';
export { countByType, workerNames } from './profiles.ts';
export {
  canonicalEvents,
  type FileReport,
  openInputs,
  type ReadProgress,
  type ReadResult,
  ReadTally,
  type RejectedLine,
  readEventFiles,
} from './read-events.ts';
export {
  runScan,
  SCAN_FORMATS,
  type ScanFormat,
  type ScanIo,
  type ScanOptions,
  type ScanStats,
} from './run-scan.ts';
export { type Screened, screenEvents, screenStream } from './screen-events.ts';
