import yauzl from 'yauzl';
import { ListFormatError, ListLimitError } from './errors.ts';
import { type ListLimits, overLimit } from './limits.ts';
import type { InputPart } from './open-input.ts';

/**
 * The file members of a zip archive as inputs (`archive.zip!member`); folders and macOS forks
 * are skipped. The central directory is walked once: each member keeps its directory record,
 * so reading it later seeks straight to its data instead of walking the archive again.
 */
export async function zipMembers(path: string, limits: ListLimits): Promise<InputPart[]> {
  const zip = await openZip(path);
  const members: yauzl.Entry[] = [];
  try {
    // The directory states its size up front: a 2,000-member archive is refused unread.
    if (zip.entryCount > limits.maxZipMembers)
      throw tooManyMembers(path, limits, `${zip.entryCount} records`);
    for await (const entry of zip.eachEntry()) {
      if (!isListMember(entry.fileName)) continue;
      if (entry.uncompressedSize > limits.maxBytes)
        throw overLimit(limits, 'maxBytes', `${path}!${entry.fileName}`, 'the stated size');
      members.push(entry);
    }
  } catch (e) {
    if (e instanceof ListLimitError) throw e;
    throw new ListFormatError(path, 'zip', `broken archive: ${(e as Error).message}`);
  } finally {
    zip.close();
  }
  if (members.length === 0) throw new ListFormatError(path, 'zip', 'the archive holds no file');
  return members.map((entry) => ({
    name: `${path}!${entry.fileName}`,
    compression: 'zip' as const,
    limits,
    chunks: () => memberChunks(path, entry),
  }));
}

function tooManyMembers(path: string, limits: ListLimits, found: string): ListLimitError {
  return overLimit(limits, 'maxZipMembers', path, `the number of files (${found})`);
}

function isListMember(name: string): boolean {
  return !name.endsWith('/') && !name.startsWith('__MACOSX/');
}

async function openZip(path: string): Promise<yauzl.ZipFile> {
  try {
    // openPromise reads entries lazily: opening reads only the end-of-directory record.
    return await yauzl.openPromise(path, { autoClose: false, strictFileNames: false });
  } catch (e) {
    throw new ListFormatError(path, 'zip', `not a readable zip archive: ${(e as Error).message}`);
  }
}

async function* memberChunks(path: string, entry: yauzl.Entry): AsyncIterable<Buffer> {
  const zip = await openZip(path);
  try {
    // yauzl checks the bytes it inflates against the stated size, so a member cannot lie.
    yield* (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>;
  } catch (e) {
    if (e instanceof ListFormatError || e instanceof ListLimitError) throw e;
    throw new ListFormatError(
      `${path}!${entry.fileName}`,
      'zip',
      `cannot read the member: ${(e as Error).message}`,
    );
  } finally {
    zip.close();
  }
}
