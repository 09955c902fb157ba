// The public surface of embedded mode: read input files, screen them in one process.
export { InputFileError } from './errors.ts';
export { type Output, openOutput, quietOnClosedPipe } from './output.ts';
export { COLUMN_NAMES, REQUIRED_FIELDS } from './payout-columns.ts';
export { countByType, workerNames } from './profiles.ts';
export {
  type FileReport,
  type ReadProgress,
  type ReadResult,
  type RejectedLine,
  readEventFiles,
} from './read-events.ts';
export {
  runScan,
  SCAN_FORMATS,
  type ScanFormat,
  type ScanIo,
  type ScanOptions,
} from './run-scan.ts';
export { screenEvents } from './screen-events.ts';
