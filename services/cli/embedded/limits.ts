/** The limits a reader runs with (tests shrink them). */
export interface EventFileLimits {
  readonly maxLineBytes: number;
  readonly keptRejects: number;
  readonly runEvents: number;
  readonly offThreadBytes: number;
}

/**
 * Limits of the event-file readers, so no input file can exhaust the machine. A line over
 * the limit is refused in one line of output (never a RangeError from a string too long
 * for V8), and refused lines are counted, only the first few kept for the summary.
 */
export const EVENT_FILE_LIMITS: EventFileLimits = Object.freeze({
  /** Bytes of one JSONL line (an event envelope is a few hundred bytes; 8 MiB is generous). */
  maxLineBytes: 8 * 1024 * 1024,
  /** Refused lines kept with their reason; the rest are only counted. */
  keptRejects: 100,
  /** Events sorted in memory at once when inputs are not in canonical order; larger inputs spill sorted runs to disk. */
  runEvents: 200_000,
  /**
   * JSONL files from this size on are decoded on a second thread while the engine screens
   * (starting the thread costs a fraction of a second; smaller files are decoded in line).
   * Standard input, of unknown size, is handed over to the thread once this much was read.
   */
  offThreadBytes: 16 * 1024 * 1024,
});
