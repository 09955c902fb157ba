import { describe, expect, it } from 'vitest';
import { ScanState } from '../../../services/cli/embedded/scan-state.ts';
import { generateScenario } from '../../../services/cli/scenario/index.ts';
import type { Envelope } from '../../../shared/contract/index.ts';
import { Engine, MemoryEngineState } from '../../../shared/engine/index.ts';
import { keys } from '../../../shared/engine/state/index.ts';
import type { WalletRecord } from '../../../shared/engine/state/records.ts';
import { TagIndex } from '../../../shared/lists/tag-index.ts';
import { compareEvents, normalizeEvent } from '../../../shared/normalize/index.ts';

describe('ScanState', () => {
  it('gives back what was put, in memory or in its files, and forgets what was deleted', () => {
    const state = new ScanState();
    const plain = keys.transfer('ethereum', '0xaa', 1);
    const carried = keys.transfer('ethereum', '0xbb', null);
    const record = {
      eventId: 'e-2',
      carried: [{ workerId: 'w-1', held: 0.1 + 0.2 }],
      credited: true,
    };
    state.put(plain, 'e-1');
    state.put(carried, record);
    state.put(keys.event('e-3'), 'packed\u0000bytes');
    state.put('evm:0x01', { key: 'evm:0x01' });
    expect(state.get(plain)).toBe('e-1');
    expect(state.get(carried)).toEqual(record);
    expect(state.get(keys.event('e-3'))).toBe('packed\u0000bytes');
    expect(state.get('evm:0x01')).toEqual({ key: 'evm:0x01' });
    // Retracted, then applied again as a plain transfer: the newest value rules.
    state.put(plain, { ...record, eventId: 'e-1', retracted: true });
    expect(state.get(plain)).toMatchObject({ eventId: 'e-1', retracted: true });
    state.put(plain, 'e-1b');
    expect(state.get(plain)).toBe('e-1b');
    state.delete(carried);
    state.delete(keys.event('e-3'));
    expect(state.get(carried)).toBeUndefined();
    expect(state.get(keys.event('e-3'))).toBeUndefined();
    expect(state.get(keys.transfer('ethereum', '0xcc', 2))).toBeUndefined();
    state.close();
  });

  it('leaves the engine finding and holding the same as in memory, through reorgs', async () => {
    const s = generateScenario({ workers: 80, seed: 11 });
    const events: Envelope[] = [...s.events];
    const payoutWallets = new Set(
      s.events.flatMap((e) => (e.type === 'payout.executed' ? [e.data.toAddress] : [])),
    );
    // Transfers that moved payroll money, retracted an hour later and observed again after.
    const moved = s.events.filter(
      (e): e is Envelope<'transfer.observed'> =>
        e.type === 'transfer.observed' && payoutWallets.has(e.data.from),
    );
    const later = (e: Envelope, h: number) =>
      new Date(Date.parse(e.occurredAt) + h * 3_600_000).toISOString();
    for (const [i, t] of moved.filter((_, i) => i % 7 === 0).entries()) {
      events.push({ ...t, type: 'transfer.retracted', id: `r-${i}`, occurredAt: later(t, 1) });
      if (i % 2 === 0) events.push({ ...t, id: `again-${i}`, occurredAt: later(t, 2) });
    }
    const normalized = events.map(normalizeEvent).sort(compareEvents);
    const run = async (state: MemoryEngineState | ScanState) => {
      const engine = new Engine({ tags: new TagIndex(s.lists), state });
      const alerts = [];
      for (let i = 0; i < normalized.length; i += 100) {
        alerts.push(...engine.process(normalized.slice(i, i + 100)));
        await engine.commit();
      }
      const wallets = [...payoutWallets].map((a) => state.get<WalletRecord>(`evm:${a}`));
      return { alerts, wallets };
    };
    const inMemory = await run(new MemoryEngineState());
    // Payouts and attribute entries unused for a batch go to rest, so most are read back from it.
    const scan = new ScanState({ restAfterBatches: 1 });
    expect(moved.length).toBeGreaterThan(20);
    expect(await run(scan)).toEqual(inMemory);
    scan.close();
  });
});
