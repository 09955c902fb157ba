import { describe, expect, it } from 'vitest';
import { AgedRest } from '../../../services/cli/embedded/aged-rest.ts';

describe('AgedRest', () => {
  it('gives back the latest value, as the same object while in use and equal once at rest', () => {
    const rest = new AgedRest(2);
    const payout: { payoutId: string; executedEventId?: string } = { payoutId: 'p-1' };
    rest.put('p:1', payout);
    rest.put('x:email:a', { workers: ['w-1'], reports: [] });
    rest.settle();
    expect(rest.get('p:1')).toBe(payout);
    // Changed in place without a put: the change goes to rest with it.
    payout.executedEventId = 'e-1';
    for (let i = 0; i < 4; i++) rest.settle();
    const back = rest.get<typeof payout>('p:1');
    expect(back).not.toBe(payout);
    expect(back).toEqual({ payoutId: 'p-1', executedEventId: 'e-1' });
    expect(rest.get('x:email:a')).toEqual({ workers: ['w-1'], reports: [] });
    // Read back, it is in use again: the next get gives the same object.
    expect(rest.get('p:1')).toBe(back);
    rest.put('p:1', { payoutId: 'p-1b' });
    for (let i = 0; i < 4; i++) rest.settle();
    expect(rest.get('p:1')).toEqual({ payoutId: 'p-1b' });
    rest.delete('p:1');
    rest.delete('x:email:a');
    expect(rest.get('p:1')).toBeUndefined();
    expect(rest.get('x:email:a')).toBeUndefined();
    for (let i = 0; i < 4; i++) rest.settle();
    expect(rest.get('p:1')).toBeUndefined();
    expect(rest.get('p:2')).toBeUndefined();
    rest.close();
  });

  it('keeps a record used every few batches as an object', () => {
    const rest = new AgedRest(2);
    const record = { workers: ['w-1'] };
    rest.put('x:k', record);
    for (let i = 0; i < 20; i++) {
      rest.settle();
      if (i % 2 === 0) expect(rest.get('x:k')).toBe(record);
    }
    rest.close();
  });
});
