import { FlowsentryError } from '../../shared/errors.ts';

/** A bad argument or input file: one clear line on stderr and exit code 2. */
export class UsageError extends FlowsentryError {
  constructor(message: string) {
    super('USAGE', message, false, true);
  }
}
