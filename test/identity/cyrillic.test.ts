import { describe, expect, it } from 'vitest';
import { alertsAlone as matches } from './labelled.ts';

describe('two names in Cyrillic', () => {
  it.each([
    ['Александар Вукић', 'Александар Вучић'],
    ['Сергей Лавроф', 'Сергей Лавров'],
    ['Владимир Жириновский', 'Владимир Жириновскии'],
  ])('match with one letter mistyped as written: %s ~ %s', (query, listed) => {
    expect(matches(query, listed)).toBe(true);
  });

  it.each([
    ['Мария Иванова', 'Марка Иванова'],
    ['Олег Петров', 'Олег Петрова'],
  ])('keep a short word with another letter, or the other sex, apart: %s / %s', (query, listed) => {
    expect(matches(query, listed)).toBe(false);
  });
});

it('keeps the other sex of -ский apart in Cyrillic (Жириновский, Жириновская)', () => {
  expect(matches('Владимир Жириновская', 'Владимир Жириновский')).toBe(false);
});
