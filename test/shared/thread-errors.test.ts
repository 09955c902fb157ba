import { describe, expect, it } from 'vitest';
import { FlowsentryError } from '../../shared/errors.ts';
import { isTransient } from '../../shared/retry.ts';
import { cloneable, errorFrom, errorMessage } from '../../shared/thread-errors.ts';

/** What the other thread gets: the message after a structured clone, rebuilt. */
const across = (error: unknown) => errorFrom(structuredClone(errorMessage(error)));

describe('errors between threads', () => {
  it('keep the flags the retry decision reads', () => {
    const broker = Object.assign(new Error('Leader not available'), {
      name: 'KafkaJSProtocolError',
      retriable: true,
      type: 'LEADER_NOT_AVAILABLE',
    });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9092'), {
      code: 'ECONNREFUSED',
    });
    const fenced = Object.assign(new Error('producer fenced'), {
      name: 'KafkaJSProtocolError',
      retriable: false,
    });
    const poison = new FlowsentryError('BAD_RECORD', 'bad record', false, true);
    const outage = new FlowsentryError('STORE_DOWN', 'store unavailable', true);
    for (const error of [broker, refused, fenced, poison, outage]) {
      const rebuilt = across(error);
      expect(rebuilt.name).toBe(error.name);
      expect(rebuilt.message).toBe(error.message);
      expect(isTransient(rebuilt)).toBe(isTransient(error));
    }
    expect(across(broker)).toMatchObject({ retriable: true, type: 'LEADER_NOT_AVAILABLE' });
    expect(isTransient(across(broker))).toBe(true);
    expect(isTransient(across(fenced))).toBe(false);
    expect(isTransient(across(outage))).toBe(true);
    expect(across(poison)).toBeInstanceOf(FlowsentryError);
    expect(across(poison)).toMatchObject({ code: 'BAD_RECORD', poison: true });
  });

  it('turn a thrown value that is no Error into one, and keep log fields cloneable', () => {
    expect(across('plain text').message).toBe('plain text');
    const fields = cloneable({ err: new Error('boom'), attempt: 3 });
    expect(structuredClone(fields)).toMatchObject({ err: { message: 'boom' }, attempt: 3 });
  });
});
