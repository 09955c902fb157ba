import type { ListRepository } from './list-repository.ts';
import { TagIndex } from './tag-index.ts';

/**
 * The screener's view of a list repository: `refresh()` gives a new TagIndex only when an
 * active version changed, so a list switch (say Tornado Cash delisted) takes effect on the
 * next batch, and an unchanged repository costs one small read.
 */
export class RepositoryTagProvider {
  private seen = '';

  constructor(private readonly repo: ListRepository) {}

  /** A new index when the active versions changed since the last call, otherwise null. */
  async refresh(): Promise<TagIndex | null> {
    const ids = await this.repo.activeVersionIds();
    const signature = JSON.stringify(Object.entries(ids).sort(([a], [b]) => a.localeCompare(b)));
    if (signature === this.seen) return null;
    const index = new TagIndex(await this.repo.active());
    this.seen = signature;
    return index;
  }
}
