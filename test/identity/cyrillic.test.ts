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

  it('keep a short word with another letter apart: Мария Иванова / Марка Иванова', () => {
    expect(matches('Мария Иванова', 'Марка Иванова')).toBe(false);
  });

  it.each([
    ['Олег Петров', 'Олег Петрова'],
    ['Владимир Жириновская', 'Владимир Жириновский'],
  ])(
    "take the other sex's form of a family name for the same family name: %s ~ %s",
    (query, listed) => {
      expect(matches(query, listed)).toBe(true);
    },
  );
});
