import { describe, expect, it } from 'vitest';
import { MemoryListRepository, RepositoryTagProvider } from '../../shared/lists/index.ts';
import { lazarusList } from '../helpers/fixtures.ts';
import { version } from './repository.contract.ts';

describe('RepositoryTagProvider', () => {
  it('gives a new index only when an active version changed', async () => {
    const repo = new MemoryListRepository();
    const tags = new RepositoryTagProvider(repo);
    await repo.save(lazarusList());
    const first = await tags.refresh();
    expect(first?.lookup('evm:0x098b716b8aaf21512996dc57eb0615e2383e2f96')).toHaveLength(1);
    expect(await tags.refresh()).toBeNull();
    await repo.save(version('graphsense:x', 'v1', 1, '2025-01-01T00:00:00Z'));
    const second = await tags.refresh();
    expect(second?.versions.map((v) => v.source).sort()).toEqual(['graphsense:x', 'ofac-sdn']);
    expect(await tags.refresh()).toBeNull();
  });
});
