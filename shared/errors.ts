/** Base of every error Flowsentry raises on purpose: a stable code and the flags that decide retry or dead-letter. */
export class FlowsentryError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Worth trying again (a timeout, a broker hiccup). */
    readonly retryable = false,
    /** The input itself is bad: send it to the dead-letter topic, never retry. */
    readonly poison = false,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A message or file line that breaks the event contract. */
export class InvalidEventError extends FlowsentryError {
  constructor(reason: string) {
    super('INVALID_EVENT', reason, false, true);
  }
}

/** Configuration that cannot start the process; the message names the variable. */
export class ConfigError extends FlowsentryError {
  constructor(message: string) {
    super('INVALID_CONFIG', message);
  }
}

/** True when `error` is a FlowsentryError with that code. */
export function isError(error: unknown, code: string): error is FlowsentryError {
  return error instanceof FlowsentryError && error.code === code;
}
