import { describe, expect, it } from 'vitest';
import { alertsBothWays, alertsAlone as matches } from './labelled.ts';

describe('foreign names written by sound', () => {
  it.each([
    ['ドナルド・トランプ', 'Donald Trump'],
    ['バラク・オバマ', 'Barack Obama'],
    ['アンゲラ・メルケル', 'Angela Merkel'],
    ['ヴォロディミル・ゼレンスキー', 'Volodymyr Zelensky'],
    ['ウラジーミル・プーチン', 'Vladimir Putin'],
    ['贝拉克·奥巴马', 'Barack Obama'],
    ['唐纳德·特朗普', 'Donald Trump'],
    ['弗拉基米尔·普京', 'PUTIN, Vladimir'],
  ])('matches %s with its Latin spelling %s', (query, listed) => {
    expect(alertsBothWays(query, listed)).toEqual([true, true]);
  });

  it.each([
    ['ドナルド・トランプ', 'Angela Merkel'],
    ['バラク・オバマ', 'Michelle Obama'],
    ['サトウ・タロウ', 'Sadat Tal'],
    ['唐纳德·特朗普', 'Tony Blair'],
  ])('does not match %s with another name, %s', (query, listed) => {
    expect(matches(query, listed)).toBe(false);
  });

  it('reads Chinese characters without the foreign-name dot as a Chinese name, not by sound', () => {
    expect(matches('奥巴马', 'Obama')).toBe(false);
  });
});
