import yauzl from 'yauzl';
import { ListFormatError } from './errors.ts';
import type { InputPart } from './open-input.ts';

/** The file members of a zip archive as inputs (`archive.zip!member`); folders and macOS forks are skipped. */
export async function zipMembers(path: string): Promise<InputPart[]> {
  const zip = await openZip(path);
  const names: string[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      if (isListMember(entry.fileName)) names.push(entry.fileName);
    }
  } catch (e) {
    throw new ListFormatError(path, 'zip', `broken archive: ${(e as Error).message}`);
  } finally {
    zip.close();
  }
  if (names.length === 0) throw new ListFormatError(path, 'zip', 'the archive holds no file');
  return names.map((member) => ({
    name: `${path}!${member}`,
    compression: 'zip' as const,
    chunks: () => memberChunks(path, member),
  }));
}

function isListMember(name: string): boolean {
  return !name.endsWith('/') && !name.startsWith('__MACOSX/');
}

async function openZip(path: string): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.openPromise(path, { autoClose: false, strictFileNames: false });
  } catch (e) {
    throw new ListFormatError(path, 'zip', `not a readable zip archive: ${(e as Error).message}`);
  }
}

async function* memberChunks(path: string, member: string): AsyncIterable<Buffer> {
  const zip = await openZip(path);
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== member) continue;
      const stream = await zip.openReadStreamPromise(entry);
      yield* stream as AsyncIterable<Buffer>;
      return;
    }
  } catch (e) {
    if (e instanceof ListFormatError) throw e;
    throw new ListFormatError(
      `${path}!${member}`,
      'zip',
      `cannot read the member: ${(e as Error).message}`,
    );
  } finally {
    zip.close();
  }
}
