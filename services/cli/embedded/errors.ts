import { FlowsentryError } from '../../../shared/errors.ts';

/** An input file that cannot be read at all (missing, unreadable, not a known format): one line, exit 2. */
export class InputFileError extends FlowsentryError {
  constructor(
    readonly file: string,
    readonly reason: string,
    /** The command that was reading it, named first in the message (`scan: x.jsonl: no such file`). */
    readonly command?: string,
  ) {
    super('INVALID_INPUT', `${command ? `${command}: ` : ''}${file}: ${reason}`, false, true);
  }

  /** The same refusal, said by `command`. */
  by(command: string): InputFileError {
    return new InputFileError(this.file, this.reason, command);
  }
}
