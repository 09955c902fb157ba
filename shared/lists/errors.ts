import { FlowsentryError } from '../errors.ts';

/** A list file that cannot be loaded (unknown, truncated, malformed); names the file and where it broke. */
export class ListFormatError extends FlowsentryError {
  constructor(
    readonly file: string,
    readonly where: string | undefined,
    reason: string,
  ) {
    super('LIST_FORMAT', `${file}${where ? ` (${where})` : ''}: ${reason}`, false, true);
  }
}

/** A list version id that the repository does not hold. */
export class ListVersionNotFoundError extends FlowsentryError {
  constructor(readonly versionId: string) {
    super('LIST_VERSION_NOT_FOUND', `no list version ${JSON.stringify(versionId)}`, false, true);
  }
}

/** `lists sync` could not get a good file; the active version was kept. */
export class ListSyncError extends FlowsentryError {
  constructor(message: string) {
    super('LIST_SYNC_FAILED', message, true, false);
  }
}

/** No list is loaded, so screening would silently pass everything: refuse instead. */
export class NoListsError extends FlowsentryError {
  constructor(message: string) {
    super('NO_LISTS', message, false, true);
  }
}

/** A list file past one of the loading limits (size, line, entries, members): refused whole. */
export class ListLimitError extends FlowsentryError {
  constructor(
    readonly file: string,
    readonly where: string | undefined,
    what: string,
    limit: number,
    variable: string,
  ) {
    super(
      'LIST_LIMIT',
      `${file}${where ? ` (${where})` : ''}: ${what} exceeds the limit of ${limit} (${variable}; raise it if the file is genuine)`,
      false,
      true,
    );
  }
}
