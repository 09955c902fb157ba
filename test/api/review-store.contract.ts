import { afterAll, describe, expect, it } from 'vitest';
import type { Actor, ReviewStore, Suppression } from '../../shared/ports/review-store/index.ts';
import { INITIAL_REVIEW, ReviewError } from '../../shared/ports/review-store/index.ts';

const ana: Actor = { id: 'analyst:ana', role: 'analyst' };
const bob: Actor = { id: 'analyst:bob', role: 'analyst' };
const sue: Actor = { id: 'supervisor:sue', role: 'supervisor' };

let n = 0;
const fresh = () => `a-${Date.now().toString(36)}-${n++}`;

async function refused(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ReviewError) return e.reviewCode;
    throw e;
  }
  throw new Error('expected a ReviewError');
}

/** The behaviour every ReviewStore adapter must show; run against Redis and the in-memory one. */
export function reviewStoreContract(name: string, make: () => ReviewStore): void {
  describe(`ReviewStore contract: ${name}`, () => {
    const store = make();
    afterAll(() => store.close());

    it('starts every alert open at version 0 with an empty trail', async () => {
      const id = fresh();
      expect(await store.get(id)).toEqual(INITIAL_REVIEW);
      expect((await store.getMany([id])).get(id)).toEqual(INITIAL_REVIEW);
      expect(await store.audit(id)).toEqual([]);
    });

    it('walks open -> in_review -> escalated -> closed and audits each step', async () => {
      const id = fresh();
      await store.apply(id, { type: 'claim' }, ana, new Date('2026-01-01T10:00:00Z'));
      await store.apply(id, { type: 'note', text: 'wallet funded from a mixer' }, ana);
      await store.apply(id, { type: 'escalate', reason: 'needs a second look' }, ana);
      const { state } = await store.apply(
        id,
        { type: 'close', outcome: 'true_positive', reason: 'confirmed' },
        sue,
      );
      expect(state).toMatchObject({ status: 'closed', assignee: ana.id, version: 4 });
      expect(state.disposition).toMatchObject({
        outcome: 'true_positive',
        reason: 'confirmed',
        by: sue.id,
      });
      const trail = await store.audit(id);
      expect(trail.map((e) => [e.action, e.actor, e.before.status, e.after.status])).toEqual([
        ['claim', ana.id, 'open', 'in_review'],
        ['note', ana.id, 'in_review', 'in_review'],
        ['escalate', ana.id, 'in_review', 'escalated'],
        ['close', sue.id, 'escalated', 'closed'],
      ]);
      expect(trail[0]!.at).toBe('2026-01-01T10:00:00.000Z');
      expect(trail[1]!.text).toBe('wallet funded from a mixer');
      expect(trail.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    });

    it('refuses changes the lifecycle does not allow, and writes nothing for them', async () => {
      const id = fresh();
      expect(
        await refused(store.apply(id, { type: 'close', outcome: 'benign', reason: 'x' }, sue)),
      ).toBe('INVALID_TRANSITION');
      await store.apply(id, { type: 'claim' }, ana);
      expect(await refused(store.apply(id, { type: 'claim' }, bob))).toBe('ALREADY_CLAIMED');
      expect(await refused(store.apply(id, { type: 'release' }, bob))).toBe('NOT_ASSIGNEE');
      expect(
        await refused(store.apply(id, { type: 'close', outcome: 'benign', reason: 'x' }, ana)),
      ).toBe('FORBIDDEN');
      expect((await store.apply(id, { type: 'claim' }, ana)).audit).toBeNull();
      expect(await store.audit(id)).toHaveLength(1);
    });

    it('lets exactly one of two racing claims win', async () => {
      const id = fresh();
      const results = await Promise.allSettled([
        store.apply(id, { type: 'claim' }, ana),
        store.apply(id, { type: 'claim' }, bob),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const winner = (await store.get(id)).assignee;
      expect([ana.id, bob.id]).toContain(winner);
      expect(await store.audit(id)).toHaveLength(1);
    });

    it('assigns, releases and reopens', async () => {
      const id = fresh();
      await store.apply(id, { type: 'assign', assignee: bob.id }, sue);
      expect(await store.get(id)).toMatchObject({ status: 'in_review', assignee: bob.id });
      await store.apply(id, { type: 'release' }, bob);
      expect(await store.get(id)).toMatchObject({ status: 'open', assignee: null });
      await store.apply(id, { type: 'claim' }, ana);
      await store.apply(
        id,
        { type: 'close', outcome: 'false_positive', reason: 'exchange hot wallet' },
        sue,
      );
      await store.apply(id, { type: 'reopen', reason: 'new evidence' }, sue);
      expect(await store.get(id)).toMatchObject({
        status: 'open',
        assignee: null,
        disposition: null,
      });
    });

    it('stores suppressions with an audit line on their alert, and removes them', async () => {
      const id = fresh();
      const s: Suppression = {
        id: `s-${id}`,
        rule: 'shared-payout-wallet',
        subjectKey: 'wallet:evm:0xabc',
        reason: 'payroll custodian',
        by: sue.id,
        createdAt: '2026-02-01T00:00:00.000Z',
        until: null,
        alertId: id,
      };
      await store.addSuppression(s, sue);
      expect((await store.suppressions()).filter((x) => x.alertId === id)).toEqual([s]);
      expect(await store.removeSuppression(s.id, sue)).toBe(true);
      expect(await store.removeSuppression(s.id, sue)).toBe(false);
      expect((await store.suppressions()).filter((x) => x.alertId === id)).toEqual([]);
      expect((await store.audit(id)).map((e) => e.action)).toEqual(['suppress', 'unsuppress']);
    });

    it('keeps screening answers, newest first', async () => {
      const base = {
        actor: 'platform:p',
        decision: 'allow' as const,
        reasons: [],
        listVersions: [],
      };
      const request = {
        workerId: 'w',
        chain: 'ethereum',
        address: '0x1',
        asset: 'USDC',
        amount: '1',
      };
      await store.recordScreening({
        ...base,
        id: `${name}-1`,
        at: '2026-01-01T00:00:00Z',
        request,
      });
      await store.recordScreening({
        ...base,
        id: `${name}-2`,
        at: '2026-01-01T00:00:01Z',
        request,
      });
      expect((await store.screenings(2)).map((r) => r.id)).toEqual([`${name}-2`, `${name}-1`]);
    });
  });
}
