import { ListVersionNotFoundError } from './errors.ts';
import { byLoadedAtDesc, type ListRepository, type SaveOptions } from './list-repository.ts';
import type { ListSnapshot, ListVersion } from './types.ts';

/** In-memory ListRepository: for `--lists FILE` runs and tests; gone with the process. */
export class MemoryListRepository implements ListRepository {
  private readonly stored = new Map<string, ListSnapshot>();
  private pointers: Readonly<Record<string, string>> = {};

  async save(snapshot: ListSnapshot, options: SaveOptions = {}): Promise<void> {
    const { id, source } = snapshot.version;
    if (!this.stored.has(id)) this.stored.set(id, snapshot);
    // A new object swapped in whole: readers holding the old one keep a consistent view.
    if (options.activate !== false) this.pointers = { ...this.pointers, [source]: id };
  }

  async active(): Promise<ListSnapshot[]> {
    return Object.values(this.pointers).map((id) => this.stored.get(id)!);
  }

  async versions(): Promise<ListVersion[]> {
    return [...this.stored.values()].map((s) => s.version).sort(byLoadedAtDesc);
  }

  async get(id: string): Promise<ListSnapshot> {
    const snapshot = this.stored.get(id);
    if (!snapshot) throw new ListVersionNotFoundError(id);
    return snapshot;
  }

  async activeVersionIds(): Promise<Record<string, string>> {
    return { ...this.pointers };
  }

  async activate(id: string): Promise<void> {
    const snapshot = await this.get(id);
    this.pointers = { ...this.pointers, [snapshot.version.source]: id };
  }

  async close(): Promise<void> {}
}
