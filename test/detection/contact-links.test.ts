import { describe, expect, it } from 'vitest';
import { handleKey } from '../../shared/identity/index.ts';

describe('messenger handles written as links', () => {
  it('gives one key to every spelling of one handle', () => {
    const spellings = [
      'telegram:@kim_dev',
      'Telegram: @Kim_Dev',
      'https://t.me/kim_dev',
      't.me/Kim_Dev',
      'http://telegram.me/kim_dev/',
      'https://www.t.me/s/kim_dev',
      'tg://resolve?domain=kim_dev',
      'https://x.com/kim_dev?s=20',
      'twitter.com/Kim_Dev',
    ];
    expect(new Set(spellings.map(handleKey))).toEqual(new Set(['kim_dev']));
  });

  it('keys a phone-number handle as the number, whatever the link', () => {
    const spellings = [
      'whatsapp: +1 415 555 0100',
      'wa.me/14155550100',
      'https://api.whatsapp.com/send?phone=14155550100',
      'https://signal.me/#p/+14155550100',
    ];
    expect(new Set(spellings.map(handleKey)).size).toBe(1);
  });

  it('keeps other handles, invites and unknown sites apart', () => {
    const key = handleKey('telegram:@kim_dev');
    for (const other of [
      'https://t.me/kim_dev2',
      'https://t.me/kim_de',
      't.me/+kim_dev',
      'https://example.com/kim_dev',
      'discord.com/users/kim_dev_x',
    ])
      expect(handleKey(other), other).not.toBe(key);
    expect(handleKey('https://discord.com/users/80351110224678912')).toBe(
      handleKey('discord: 80351110224678912'),
    );
    expect(handleKey('https://t.me/%E0%A4%A')).toBeDefined();
  });
});
