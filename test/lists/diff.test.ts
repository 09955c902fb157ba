import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AddressScreen,
  diffSnapshots,
  loadListFile,
  MemoryListRepository,
  TagIndex,
} from '../../shared/lists/index.ts';
import { standInAddresses, tornadoLists } from '../fixtures/lists/tornado.ts';

async function tornadoSnapshots() {
  const dir = mkdtempSync(join(tmpdir(), 'fs-diff-'));
  const { before, after } = tornadoLists();
  writeFileSync(join(dir, 'before.xml'), before);
  writeFileSync(join(dir, 'after.xml'), after);
  return {
    before: await loadListFile(join(dir, 'before.xml')),
    after: await loadListFile(join(dir, 'after.xml')),
  };
}

describe('diffSnapshots', () => {
  it('shows the 90 Tornado Cash ETH addresses and the entry removed by the delisting', async () => {
    const { before, after } = await tornadoSnapshots();
    const d = diffSnapshots(before, after);
    expect(d.from).toBe(before.version.id);
    expect(d.to).toBe(after.version.id);
    expect(d.removedEntries).toEqual([{ entryId: '39796', name: 'TORNADO CASH', kind: 'entity' }]);
    expect(d.removedAddresses).toHaveLength(90);
    expect(new Set(d.removedAddresses.map((a) => a.chain))).toEqual(new Set(['ethereum']));
    expect(d.removedAddresses.map((a) => a.key).sort()).toEqual(
      standInAddresses()
        .map((a) => `evm:${a}`)
        .sort(),
    );
    expect(d.addedEntries).toEqual([]);
    expect(d.addedAddresses).toEqual([]);
    expect(d.changedEntries).toEqual([]);
  });

  it('the other way round, the same addresses are added; a changed entry names its fields', async () => {
    const { before, after } = await tornadoSnapshots();
    expect(diffSnapshots(after, before).addedAddresses).toHaveLength(90);
    const renamed = {
      ...after,
      entries: after.entries.map((e) =>
        e.entryId === '27307' ? { ...e, programs: ['DPRK3', 'CYBER2'] } : e,
      ),
    };
    expect(diffSnapshots(after, renamed).changedEntries).toEqual([
      { entryId: '27307', name: 'Lazarus Group', kind: 'entity', fields: ['programs'] },
    ]);
  });

  it('after the delisting loads, a Tornado address stops matching', async () => {
    const { before, after } = await tornadoSnapshots();
    const repo = new MemoryListRepository();
    const tornado = standInAddresses()[0]!;
    await repo.save(before);
    expect(new AddressScreen(new TagIndex(await repo.active())).screen(tornado).hit).toBe(true);
    await repo.save(after);
    expect(new AddressScreen(new TagIndex(await repo.active())).screen(tornado).hit).toBe(false);
  });
});
