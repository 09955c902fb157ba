import { afterAll, describe, expect, it } from 'vitest';
import type { ListRepository, ListSnapshot } from '../../shared/lists/index.ts';
import { buildSnapshot, ListVersionNotFoundError } from '../../shared/lists/index.ts';
import { lazarusList } from '../helpers/fixtures.ts';

/** A version of `source` with `n` entries, content-hashed by its label so ids differ. */
export function version(source: string, label: string, n: number, loadedAt: string): ListSnapshot {
  const base = lazarusList().entries[0]!;
  const entries = Array.from({ length: n }, (_, i) => ({
    ...base,
    source,
    entryId: `${label}-${i}`,
  }));
  const hash = Buffer.from(`${source}/${label}`).toString('hex').padEnd(64, '0').slice(0, 64);
  return buildSnapshot({
    source,
    publishedAt: label,
    contentHash: hash,
    entries,
    format: 'test',
    loadedAt: new Date(loadedAt),
  });
}

/** The behaviour every ListRepository adapter must show; run against files, Redis and memory. */
export function listRepositoryContract(name: string, make: () => Promise<ListRepository>): void {
  describe(`ListRepository contract: ${name}`, () => {
    const opened: ListRepository[] = [];
    const open = async () => {
      const repo = await make();
      opened.push(repo);
      return repo;
    };
    afterAll(async () => {
      for (const repo of opened) await repo.close();
    });

    it('starts empty', async () => {
      const repo = await open();
      expect(await repo.active()).toEqual([]);
      expect(await repo.versions()).toEqual([]);
      expect(await repo.activeVersionIds()).toEqual({});
    });

    it('saves a version and activates it per source, keeping the other sources', async () => {
      const repo = await open();
      const ofac1 = version('ofac-sdn', '2025-03-04', 3, '2025-03-04T10:00:00Z');
      const gs = version('graphsense:lazarus', '2022-04-15', 2, '2025-03-05T10:00:00Z');
      const ofac2 = version('ofac-sdn', '2025-03-21', 2, '2025-03-21T10:00:00Z');
      await repo.save(ofac1);
      await repo.save(gs);
      await repo.save(ofac2);
      expect(await repo.activeVersionIds()).toEqual({
        'ofac-sdn': ofac2.version.id,
        'graphsense:lazarus': gs.version.id,
      });
      const active = await repo.active();
      expect(active.map((s) => s.version.id).sort()).toEqual(
        [gs.version.id, ofac2.version.id].sort(),
      );
      expect(active.find((s) => s.version.source === 'ofac-sdn')).toEqual(ofac2);
      expect((await repo.versions()).map((v) => v.id)).toEqual([
        ofac2.version.id,
        gs.version.id,
        ofac1.version.id,
      ]);
      expect(await repo.get(ofac1.version.id)).toEqual(ofac1);
    });

    it('stores without activating on request, activates a stored version back, refuses unknown ids', async () => {
      const repo = await open();
      const v1 = version('ofac-sdn', 'v1', 1, '2025-01-01T00:00:00Z');
      const v2 = version('ofac-sdn', 'v2', 1, '2025-01-02T00:00:00Z');
      await repo.save(v1);
      await repo.save(v2, { activate: false });
      expect(await repo.activeVersionIds()).toEqual({ 'ofac-sdn': v1.version.id });
      await repo.activate(v2.version.id);
      expect(await repo.activeVersionIds()).toEqual({ 'ofac-sdn': v2.version.id });
      await expect(repo.get('nope@x#y')).rejects.toBeInstanceOf(ListVersionNotFoundError);
      await expect(repo.activate('nope@x#y')).rejects.toBeInstanceOf(ListVersionNotFoundError);
    });

    it('saving the same version twice keeps one copy', async () => {
      const repo = await open();
      const v = version('csv:x', 'same', 2, '2025-01-01T00:00:00Z');
      await repo.save(v);
      await repo.save(v);
      expect(await repo.versions()).toHaveLength(1);
    });

    it('a reader never sees half a list while versions switch', async () => {
      const repo = await open();
      const a = version('ofac-sdn', 'a', 400, '2025-01-01T00:00:00Z');
      const b = version('ofac-sdn', 'b', 150, '2025-01-02T00:00:00Z');
      await repo.save(a);
      const seen = new Set<string>();
      const reads = Array.from({ length: 20 }, async () => {
        for (const s of await repo.active()) seen.add(`${s.version.id}:${s.entries.length}`);
      });
      const switches = (async () => {
        await repo.save(b);
        await repo.activate(a.version.id);
        await repo.activate(b.version.id);
      })();
      await Promise.all([...reads, switches]);
      for (const item of seen)
        expect([`${a.version.id}:400`, `${b.version.id}:150`]).toContain(item);
    });
  });
}
