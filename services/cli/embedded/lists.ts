import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import {
  type ListSnapshot,
  listsConfig,
  loadListFiles,
  openListRepository,
} from '../../../shared/lists/index.ts';
import { InputFileError } from './errors.ts';

/**
 * The lists a scan screens against: the files given (any real format, told by content),
 * or else the active versions `flowsentry lists import` stored. None at all is allowed
 * (the behaviour rules still run) but said out loud, never silent.
 */
export async function scanLists(
  files: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  stderr: Writable,
): Promise<ListSnapshot[]> {
  const warn = (m: string) => stderr.write(`flowsentry: warning: ${m}\n`);
  if (files.length > 0) {
    const missing = files.find((f) => !existsSync(f));
    if (missing) throw new InputFileError(missing, 'no such list file');
    return loadListFiles(files, { warn });
  }
  const repo = await openListRepository(listsConfig(env));
  try {
    const active = await repo.active();
    if (active.length === 0) {
      warn('scan: no list loaded and no --lists given: only the rules that need no list can fire');
    }
    return active;
  } finally {
    await repo.close();
  }
}
