import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ListFormatError, ListVersionNotFoundError } from './errors.ts';
import { byLoadedAtDesc, type ListRepository, type SaveOptions } from './list-repository.ts';
import type { ListEntry, ListSnapshot, ListVersion } from './types.ts';

/** Marks the first line of a stored version, so a later layout can tell old files apart. */
const FILE_FORMAT = 'flowsentry-list/1';

interface Pointer {
  readonly source: string;
  readonly versionId: string;
  readonly activatedAt: string;
}

/**
 * Embedded-mode ListRepository on disk, under `<home>/lists/`:
 * `versions/<id>.jsonl` (a header line with the version, then one entry a line) and
 * `active/<source>.json`, a pointer replaced by rename, so switching a source is atomic.
 */
export class FileListRepository implements ListRepository {
  private readonly versionsDir: string;
  private readonly activeDir: string;

  constructor(home: string) {
    this.versionsDir = join(home, 'lists', 'versions');
    this.activeDir = join(home, 'lists', 'active');
  }

  async save(snapshot: ListSnapshot, options: SaveOptions = {}): Promise<void> {
    const { id, source } = snapshot.version;
    const path = this.versionPath(id);
    // The same bytes loaded again are the same version: keep the first copy and its load time.
    if (!(await exists(path))) {
      const header = JSON.stringify({ format: FILE_FORMAT, version: snapshot.version });
      const lines = [header, ...snapshot.entries.map((e) => JSON.stringify(e))];
      await writeAtomic(path, `${lines.join('\n')}\n`);
    }
    if (options.activate !== false) await this.point(source, id);
  }

  async active(): Promise<ListSnapshot[]> {
    const ids = Object.values(await this.activeVersionIds());
    return Promise.all(ids.map((id) => this.get(id)));
  }

  async versions(): Promise<ListVersion[]> {
    const names = await readdir(this.versionsDir).catch(() => []);
    const files = names.filter((n) => n.endsWith('.jsonl'));
    const versions = await Promise.all(files.map((n) => readHeader(join(this.versionsDir, n))));
    return versions.sort(byLoadedAtDesc);
  }

  async get(id: string): Promise<ListSnapshot> {
    const path = this.versionPath(id);
    const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') throw new ListVersionNotFoundError(id);
      throw e;
    });
    const lines = text.split('\n').filter((l) => l.length > 0);
    const version = parseHeader(lines[0] ?? '', path);
    const entries = lines.slice(1).map((l) => JSON.parse(l) as ListEntry);
    return { version, entries };
  }

  async activeVersionIds(): Promise<Record<string, string>> {
    const names = await readdir(this.activeDir).catch(() => []);
    const pairs: [string, string][] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const text = await readFile(join(this.activeDir, name), 'utf8').catch(() => undefined);
      if (!text) continue;
      const pointer = JSON.parse(text) as Pointer;
      pairs.push([pointer.source, pointer.versionId]);
    }
    // fromEntries defines each key: a source named __proto__ stays a source.
    return Object.fromEntries(pairs);
  }

  async activate(id: string): Promise<void> {
    const version = await readHeader(this.versionPath(id)).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') throw new ListVersionNotFoundError(id);
      throw e;
    });
    await this.point(version.source, id);
  }

  async close(): Promise<void> {}

  private async point(source: string, versionId: string): Promise<void> {
    const pointer: Pointer = { source, versionId, activatedAt: new Date().toISOString() };
    await writeAtomic(
      join(this.activeDir, `${encodeURIComponent(source)}.json`),
      JSON.stringify(pointer),
    );
  }

  private versionPath(id: string): string {
    return join(this.versionsDir, `${encodeURIComponent(id)}.jsonl`);
  }
}

async function exists(path: string): Promise<boolean> {
  return open(path, 'r').then(
    (fh) => fh.close().then(() => true),
    () => false,
  );
}

/** Writes a temporary file, flushes it, then renames it over the target: readers see all or nothing. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const dir = join(path, '..');
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.tmp-${randomUUID()}`);
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path).catch(async (e) => {
    await rm(tmp, { force: true });
    throw e;
  });
}

async function readHeader(path: string): Promise<ListVersion> {
  const fh = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    for (let pos = 0; ; ) {
      const buffer = Buffer.alloc(1 << 14);
      const { bytesRead } = await fh.read(buffer, 0, buffer.length, pos);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      pos += bytesRead;
      if (buffer.subarray(0, bytesRead).includes(0x0a)) break;
    }
    const text = Buffer.concat(chunks).toString('utf8');
    return parseHeader(text.split('\n', 1)[0] ?? '', path);
  } finally {
    await fh.close();
  }
}

function parseHeader(line: string, path: string): ListVersion {
  const header = JSON.parse(line || '{}') as { format?: string; version?: ListVersion };
  if (header.format !== FILE_FORMAT || !header.version) {
    throw new ListFormatError(path, 'line 1', `not a stored list version (${FILE_FORMAT})`);
  }
  return header.version;
}
