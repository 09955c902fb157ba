import { describe, expect, it } from 'vitest';
import { alertTable } from '../../services/cli/report/table.ts';
import { forTerminal, jsonForTerminal } from '../../shared/log/terminal.ts';
import { alert } from '../cli/report/fixtures.ts';

const ESC = '\u001b';

/** Characters a terminal obeys, other than the newline a table needs. */
const controls = (text: string) =>
  [...text].filter((c) => {
    const code = c.codePointAt(0)!;
    return (code < 0x20 && c !== '\n') || (code >= 0x7f && code <= 0x9f) || c === '\u202e';
  });

describe('forTerminal', () => {
  it('removes a clear-screen, colours and cursor moves and keeps the words', () => {
    expect(forTerminal(`Lazarus${ESC}[2J${ESC}[H ${ESC}[1;31mGroup${ESC}[0m`)).toBe(
      'Lazarus Group',
    );
  });

  it('removes a window-title change ended by BEL or by ST', () => {
    expect(forTerminal(`a${ESC}]0;pwned\u0007b`)).toBe('ab');
    expect(forTerminal(`a${ESC}]2;pwned${ESC}\\b`)).toBe('ab');
  });

  it('removes an OSC 8 link so only its visible text remains', () => {
    const link = `${ESC}]8;;https://evil.example/${ESC}\\0xabc${ESC}]8;;${ESC}\\`;
    expect(forTerminal(`wallet ${link}`)).toBe('wallet 0xabc');
  });

  it('drops an unterminated title change to the end of its line only', () => {
    expect(forTerminal(`a${ESC}]0;swallow\nnext line`, { newlines: true })).toBe('a\nnext line');
  });

  it('removes 8-bit C1 introducers and the sequences they start', () => {
    expect(forTerminal('x\u009b2Jy\u009d0;title\u009cz\u0085')).toBe('xyz');
  });

  it('drops every other C0 control and DEL, including a carriage return', () => {
    expect(forTerminal('a\u0000b\u0007c\rd\u007fe\u0008f')).toBe('abcdef');
  });

  it('drops newlines and tabs unless the caller keeps them', () => {
    expect(forTerminal('a\nb\tc')).toBe('abc');
    expect(forTerminal('a\nb\tc', { newlines: true })).toBe('a\nbc');
    expect(forTerminal('a\nb\tc', { newlines: true, tabs: true })).toBe('a\nb\tc');
  });

  it('drops bidi overrides that reorder what the reader sees', () => {
    expect(forTerminal('pay\u202eliame\u202c to')).toBe('payliame to');
  });

  it('leaves ordinary text, accents and other scripts alone', () => {
    const name = 'Kim Jong-Un 김정은 Ümit Öztürk (0xAbC)';
    expect(forTerminal(name)).toBe(name);
  });

  it('stays fast on a long hostile string', () => {
    const hostile = `${ESC}[${'1;'.repeat(500_000)}`.repeat(4) + `${ESC}]`.repeat(200_000);
    const start = performance.now();
    forTerminal(hostile);
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});

describe('jsonForTerminal', () => {
  it('escapes DEL, C1 and bidi characters so the JSON still reads back equal', () => {
    const value = { name: `a\u009b2J\u007f\u202eb${ESC}[2J` };
    const line = jsonForTerminal(JSON.stringify(value));
    expect(controls(line)).toEqual([]);
    expect(JSON.parse(line)).toEqual(value);
  });
});

describe('alert table', () => {
  it('prints a hostile worker id and title without their escape codes or line breaks', () => {
    const hostile = alert({
      title: `paid${ESC}]0;owned\u0007 out\nFAKE ROW`,
      subject: { kind: 'worker', workerId: `w-1${ESC}[2J` },
    });
    const table = alertTable([hostile]);
    expect(controls(table)).toEqual([]);
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toContain('w-1');
    expect(table).toContain('paid outFAKE ROW');
  });
});
