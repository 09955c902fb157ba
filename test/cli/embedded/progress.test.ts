import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressOn } from '../../../services/cli/embedded/progress.ts';

function stream(isTTY: boolean): Writable & { isTTY: boolean; text: string } {
  const out = new Writable({
    write(chunk, _enc, done) {
      out.text += String(chunk);
      done();
    },
  }) as Writable & { isTTY: boolean; text: string; columns: number };
  out.isTTY = isTTY;
  out.text = '';
  out.columns = 120;
  return out;
}

describe('progress bar', () => {
  it('draws phases on a terminal', () => {
    const tty = stream(true);
    const p = progressOn(tty);
    p.phase('reading', 4 << 20, 'bytes');
    p.advance(2 << 20);
    p.phase('screening', 5_000, 'events');
    p.set(5_000);
    p.stop();
    expect(tty.text).toContain('reading');
    expect(tty.text).toContain('of 4.0 MB');
    expect(tty.text).toContain('5,000 events of 5,000 events');
  });

  it('writes nothing when stderr is piped', () => {
    const pipe = stream(false);
    const p = progressOn(pipe);
    p.phase('reading', 100, 'bytes');
    p.advance(100);
    p.stop();
    expect(pipe.text).toBe('');
  });
});
