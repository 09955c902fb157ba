import type { Writable } from 'node:stream';
import cliProgress from 'cli-progress';

/** What a phase counts. */
export type ProgressUnit = 'bytes' | 'events';

/** A progress display with phases (reading bytes, then screening events). */
export interface Progress {
  phase(name: string, total: number, unit: ProgressUnit): void;
  advance(by: number): void;
  /** Jumps to a value (the number of events screened so far). */
  set(value: number): void;
  stop(): void;
}

const NONE: Progress = { phase() {}, advance() {}, set() {}, stop() {} };

function amount(n: number, unit: ProgressUnit): string {
  if (unit === 'events') return `${Math.round(n).toLocaleString('en-US')} events`;
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** One cli-progress bar reused across phases, with amounts shown in their unit. */
class TerminalProgress implements Progress {
  private readonly bar: cliProgress.SingleBar;
  private unit: ProgressUnit = 'bytes';
  private total = 1;
  private value = 0;
  private started = false;

  constructor(stream: Writable) {
    const format = ' {phase} |{bar}| {percentage}% {done} of {all}';
    const options = {
      stream: stream as NodeJS.WritableStream,
      format,
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
    };
    this.bar = new cliProgress.SingleBar(options, cliProgress.Presets.shades_classic);
  }

  phase(name: string, total: number, unit: ProgressUnit): void {
    this.unit = unit;
    this.total = Math.max(1, total);
    this.value = 0;
    const payload = { phase: name.padEnd(9), ...this.payload() };
    if (this.started) this.bar.setTotal(this.total);
    else this.bar.start(this.total, 0, payload);
    this.started = true;
    this.bar.update(0, payload);
  }

  advance(by: number): void {
    this.set(this.value + by);
  }

  set(value: number): void {
    this.value = value;
    this.bar.update(Math.min(value, this.total), this.payload());
  }

  stop(): void {
    if (this.started) this.bar.stop();
  }

  private payload() {
    return { done: amount(this.value, this.unit), all: amount(this.total, this.unit) };
  }
}

/**
 * A bar on `stream` when it is a terminal, nothing at all when it is piped or redirected
 * (a log file should hold the summary, not a hundred redraws of a bar).
 */
export function progressOn(stream: Writable & { isTTY?: boolean }): Progress {
  return stream.isTTY ? new TerminalProgress(stream) : NONE;
}
