export { type ReadResult, type RejectedLine, readEventFiles } from './read-events.ts';
export { screenEvents } from './screen-events.ts';
