import { expect } from 'vitest';
import { isError } from '../../shared/errors.ts';

/** The reason an event is refused with; fails the test when it is accepted or fails otherwise. */
export function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(isError(error, 'INVALID_EVENT')).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected the event to be refused');
}
